package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads Segment's answer to a batch request and decides on retries (SPEC section 5), for the {@code
 * send-batch} route and its route configuration.
 */
@Component("segmentResponses")
public class SegmentResponses {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentResponses.class);

    private final WriteKeyThrottle throttle;

    private final Clock clock;

    private final int inlineRetries;

    private final Duration inlineMaxWait;

    private final ObjectMapper json;

    public SegmentResponses(
            WriteKeyThrottle throttle, ObjectMapper json, HubProperties properties, Clock clock) {
        this.throttle = throttle;
        this.json = json;
        this.clock = clock;
        this.inlineRetries = properties.delivery().inlineRetries();
        this.inlineMaxWait = properties.delivery().inlineMaxWait();
    }

    /** The request body of the batch, with sentAt set now. */
    public byte[] requestBody(SegmentBatch batch) {
        return batch.body(json, clock.instant());
    }

    /**
     * Returns when Segment accepted the batch; otherwise throws a {@link DeliveryFailure}, and when
     * Segment asked for a wait, sets it as the delay of the next redelivery.
     */
    public void check(Exchange exchange) {
        SegmentBatch batch = exchange.getProperty("batch", SegmentBatch.class);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        SegmentStatus.Verdict verdict = SegmentStatus.classify(status);
        if (verdict == SegmentStatus.Verdict.DELIVERED) {
            throttle.succeeded(batch);
            return;
        }
        if (status == 429) {
            throttle.slowDown(batch);
        }
        String body = exchange.getMessage().getBody(String.class);
        Optional<Duration> retryAfter =
                SegmentStatus.retryAfter(
                        exchange.getMessage().getHeader("Retry-After", String.class),
                        clock.instant());
        retryAfter.ifPresent(
                wait ->
                        exchange.getMessage()
                                .setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis()));
        boolean retryable = verdict == SegmentStatus.Verdict.RETRY;
        throw new DeliveryFailure(
                status,
                body,
                retryable,
                retryAfter.orElse(null),
                "Segment answered " + status + (retryable ? " (retryable)" : " (final)"));
    }

    /** Whether to try the batch again right away, rather than park it or give it up. */
    public boolean retryInline(Exchange exchange) {
        Throwable cause = exchange.getException();
        int attempt =
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        if (attempt >= inlineRetries) {
            return false;
        }
        if (cause instanceof DeliveryFailure failure) {
            return failure.retryable()
                    && failure.retryAfter().map(w -> w.compareTo(inlineMaxWait) <= 0).orElse(true);
        }
        return cause instanceof IOException;
    }

    /** Logs a retry about to happen and stamps the batch with a fresh {@code sentAt}. */
    public void beforeRedelivery(Exchange exchange) {
        SegmentBatch batch = exchange.getProperty("batch", SegmentBatch.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Integer status = cause instanceof DeliveryFailure failure ? failure.status() : null;
        LOG.warn(
                "Batch {} to destination {} failed ({}); retry {} follows",
                batch.batchId(),
                batch.destinationId(),
                status != null ? "status " + status : describe(cause),
                exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
        exchange.getMessage()
                .setBody(
                        batch.body(
                                exchange.getContext()
                                        .getRegistry()
                                        .findSingleByType(
                                                com.fasterxml.jackson.databind.ObjectMapper.class),
                                clock.instant()));
    }

    /** A short name of what went wrong, never a message that could quote a payload. */
    static String describe(Throwable cause) {
        return cause == null ? "unknown error" : cause.getClass().getSimpleName();
    }
}
