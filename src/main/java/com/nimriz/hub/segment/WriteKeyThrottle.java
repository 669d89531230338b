package com.nimriz.hub.segment;

import com.nimriz.hub.HubProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the requests per write key under {@code hub.delivery.max-requests-per-second} (SPEC section
 * 5). A 429 halves that key's rate; each success wins back a little, so one throttled key slows
 * down without slowing the others.
 */
@Component("writeKeyThrottle")
public class WriteKeyThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(WriteKeyThrottle.class);

    static final double MIN_REQUESTS_PER_SECOND = 1;

    static final double RECOVERY_PER_SUCCESS = 1.1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double maxRate;

    // Known limitation: the pace is kept per hub instance; several instances sending for one
    // write key together may exceed the cap.
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    public WriteKeyThrottle(HubProperties properties) {
        this.maxRate = properties.delivery().maxRequestsPerSecond();
    }

    /** Waits, if needed, until the write key may send its next request. */
    public void acquire(SegmentBatch batch) throws InterruptedException {
        long waitNanos = pace(batch).reserve();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    /** Segment answered 429 for this key. */
    public void slowDown(SegmentBatch batch) {
        double rate = pace(batch).scale(0.5);
        LOG.info(
                "Write key {} of destination {} throttled by Segment; now at most {} requests/s",
                batch.writeKeyId(),
                batch.destinationId(),
                Math.round(rate));
    }

    /** Segment accepted a request for this key. */
    public void succeeded(SegmentBatch batch) {
        pace(batch).scale(RECOVERY_PER_SUCCESS);
    }

    /** The key's current request rate. */
    public double rate(String writeKeyId) {
        Pace pace = paces.get(writeKeyId);
        return pace == null ? maxRate : pace.rate();
    }

    private Pace pace(SegmentBatch batch) {
        return paces.computeIfAbsent(batch.writeKeyId(), id -> new Pace(maxRate));
    }

    /** Evenly spaced request slots at a rate that can change. */
    private final class Pace {

        private double rate;

        private long nextFreeNanos = System.nanoTime();

        Pace(double rate) {
            this.rate = rate;
        }

        synchronized long reserve() {
            long now = System.nanoTime();
            long slot = Math.max(now, nextFreeNanos);
            nextFreeNanos = slot + (long) (NANOS_PER_SECOND / rate);
            return slot - now;
        }

        synchronized double scale(double factor) {
            rate = Math.max(MIN_REQUESTS_PER_SECOND, Math.min(maxRate, rate * factor));
            return rate;
        }

        synchronized double rate() {
            return rate;
        }
    }
}
