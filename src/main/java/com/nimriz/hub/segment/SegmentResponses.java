package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
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

    private final MeterRegistry meters;

    public SegmentResponses(
            WriteKeyThrottle throttle,
            ObjectMapper json,
            HubProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.throttle = throttle;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
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
        // While the error handler asks, the failure is held as the caught exception and the
        // counter already names the retry to come.
        Throwable cause =
                exchange.getException() != null
                        ? exchange.getException()
                        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int retry = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        boolean again;
        if (retry > inlineRetries) {
            again = false;
        } else if (cause instanceof DeliveryFailure failure) {
            again =
                    failure.retryable()
                            && failure.retryAfter()
                                    .map(wait -> wait.compareTo(inlineMaxWait) <= 0)
                                    .orElse(true);
        } else {
            again = cause instanceof IOException;
        }
        return again;
    }

    /**
     * Logs and counts (per message) a retry about to happen; post-batch then builds the request
     * anew.
     */
    public void beforeRedelivery(Exchange exchange) {
        SegmentBatch batch = exchange.getProperty("batch", SegmentBatch.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Integer status = cause instanceof DeliveryFailure failure ? failure.status() : null;
        Message message = exchange.getMessage();
        LOG.warn(
                "Batch {} to destination {} failed ({}); retry {} follows",
                batch.batchId(),
                batch.destinationId(),
                status != null ? "status " + status : describe(cause),
                message.getHeader(Exchange.REDELIVERY_COUNTER, Integer.class));
        meters.counter("nimriz.messages.retried", "destination", batch.destinationId())
                .increment(batch.size());
        // The answer's headers and body must not travel with the next request.
        message.removeHeaders("*", "Camel*");
        // A Retry-After wait is spent now; the next failure sets its own.
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        message.setHeader("Authorization", batch.authorization());
        message.setHeader("Content-Type", "application/json");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setBody(requestBody(batch));
    }

    /** A short name of what went wrong, never a message that could quote a payload. */
    static String describe(Throwable cause) {
        return cause == null ? "unknown error" : cause.getClass().getSimpleName();
    }
}
