package com.nimriz.hub.segment;

import com.nimriz.hub.HubProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens to a batch around its HTTP call (SPEC section 5): whether its destination's circuit
 * lets it through, and, when it failed, which messages are parked for a later retry and which are
 * given up on.
 */
@Component("deliveryAttempts")
public class DeliveryAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);

    static final double JITTER = 0.2;

    private final DestinationBreakers breakers;

    private final Clock clock;

    private final HubProperties.Delivery settings;

    private final MeterRegistry meters;

    public DeliveryAttempts(
            DestinationBreakers breakers,
            HubProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.breakers = breakers;
        this.clock = clock;
        this.settings = properties.delivery();
        this.meters = meters;
    }

    /** The messages to park on the retry topic and those to give up on. */
    public record Outcome(List<Delivery> retry, List<DeadLetter> dead) {}

    /** True when the destination's circuit is open and the batch must not be sent now. */
    public boolean circuitOpen(SegmentBatch batch) {
        return !breakers.tryAcquire(batch.destinationId());
    }

    public void succeeded(SegmentBatch batch, Instant startedAt) {
        Duration took = Duration.between(startedAt, clock.instant());
        breakers.succeeded(batch.destinationId(), took);
        latency(batch, "delivered").record(took);
        LOG.debug(
                "Batch {} of {} messages delivered to destination {}",
                batch.batchId(),
                batch.size(),
                batch.destinationId());
    }

    /** The batch failed after its in-place retries: park what may succeed later. */
    public Outcome failed(SegmentBatch batch, Throwable cause, Instant startedAt) {
        Instant now = clock.instant();
        Duration took = Duration.between(startedAt, now);
        latency(batch, "failed").record(took);
        DeliveryFailure failure = cause instanceof DeliveryFailure f ? f : null;
        if (failure != null && !failure.retryable()) {
            // Segment answered: a refused payload or key says nothing about its health, so a
            // final status does not count towards opening the circuit.
            breakers.succeeded(batch.destinationId(), took);
        } else {
            breakers.failed(batch.destinationId(), took, cause);
        }
        Integer status = failure == null ? null : failure.status();
        String error =
                failure == null
                        ? "No answer from Segment: " + SegmentResponses.describe(cause)
                        : failure.getMessage();
        if (failure != null && !failure.retryable()) {
            LOG.error(
                    "Batch {} to destination {} refused by Segment with status {}; its {}"
                            + " messages go to the dead topic",
                    batch.batchId(),
                    batch.destinationId(),
                    status,
                    batch.size());
            List<DeadLetter> dead = new ArrayList<>();
            for (Delivery delivery : batch.deliveries()) {
                dead.add(
                        DeadLetter.of(
                                delivery.failed(now, status, error),
                                "rejected",
                                status,
                                failure.responseBody(),
                                now));
            }
            return new Outcome(List.of(), dead);
        }
        Duration wait =
                failure != null && failure.retryAfter().isPresent()
                        ? failure.retryAfter().get()
                        : null;
        Outcome outcome = park(batch, status, error, wait, now);
        LOG.warn(
                "Batch {} to destination {} failed ({}); {} messages parked for retry",
                batch.batchId(),
                batch.destinationId(),
                status != null ? "status " + status : SegmentResponses.describe(cause),
                outcome.retry().size());
        return outcome;
    }

    /** From the first attempt to the last answer, in-place retries and their waits included. */
    private Timer latency(SegmentBatch batch, String outcome) {
        return Timer.builder("nimriz.batch.latency")
                .tag("destination", batch.destinationId())
                .tag("outcome", outcome)
                .register(meters);
    }

    /** The destination's circuit is open: park the whole batch until it may close. */
    // Known limitation: while the circuit stays open, parked messages are parked again each
    // time they come due, until it closes or they pass the max age.
    public Outcome circuitWasOpen(SegmentBatch batch) {
        Outcome outcome =
                park(batch, null, "circuit open", breakers.openStateWait(), clock.instant());
        LOG.info(
                "Circuit of destination {} is open; batch {} of {} messages parked",
                batch.destinationId(),
                batch.batchId(),
                batch.size());
        return outcome;
    }

    private Outcome park(
            SegmentBatch batch, Integer status, String error, Duration wait, Instant now) {
        List<Delivery> retry = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (Delivery delivery : batch.deliveries()) {
            Duration delay = wait != null ? wait : backoff(delivery.attempts());
            Delivery failed = delivery.failed(now.plus(delay), status, error);
            // Known limitation: the age counts from the first delivery attempt, not from the
            // event's occurred_at.
            if (Duration.between(delivery.firstAttemptAt(), now).compareTo(settings.maxAge()) > 0) {
                dead.add(DeadLetter.of(failed, "expired", status, error, now));
            } else {
                retry.add(failed);
            }
        }
        if (!dead.isEmpty()) {
            LOG.error(
                    "{} messages of batch {} to destination {} are older than {} and still"
                            + " failing; they go to the dead topic",
                    dead.size(),
                    batch.batchId(),
                    batch.destinationId(),
                    settings.maxAge());
        }
        return new Outcome(retry, dead);
    }

    /** Exponential backoff from the park backoff, capped, with jitter. */
    Duration backoff(int attempts) {
        long base = settings.parkBackoff().toMillis();
        long cap = settings.parkMaxBackoff().toMillis();
        long exponential = base << Math.min(attempts, 20);
        long millis = Math.min(cap, exponential);
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * JITTER;
        return Duration.ofMillis(Math.max(1, Math.round(millis * jitter)));
    }

    /** Milliseconds until the delivery may be tried again; zero when it is due. */
    public long millisUntilDue(Delivery delivery) {
        long millis = Duration.between(clock.instant(), delivery.notBefore()).toMillis();
        return Math.max(0, millis);
    }

    /** Parked deliveries that waited past the max age go to the dead topic instead. */
    public Outcome sortDue(List<Delivery> deliveries) {
        Instant now = clock.instant();
        List<Delivery> due = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (Duration.between(delivery.firstAttemptAt(), now).compareTo(settings.maxAge()) > 0) {
                dead.add(
                        DeadLetter.of(
                                delivery,
                                "expired",
                                delivery.lastStatus(),
                                delivery.lastError(),
                                now));
            } else {
                due.add(delivery);
            }
        }
        return new Outcome(due, dead);
    }
}
