package com.nimriz.hub.segment;

import java.time.Duration;
import java.util.Optional;

/** A batch Segment did not accept: with the status and body, retryable or final. */
public class DeliveryFailure extends RuntimeException {

    static final int MAX_BODY_CHARS = 2000;

    private final Integer status;

    private final String responseBody;

    private final boolean retryable;

    private final Duration retryAfter;

    public DeliveryFailure(
            Integer status,
            String responseBody,
            boolean retryable,
            Duration retryAfter,
            String message) {
        super(message, null, false, false);
        this.status = status;
        this.responseBody = truncate(responseBody);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Segment's HTTP status, or null when no answer came. */
    public Integer status() {
        return status;
    }

    public String responseBody() {
        return responseBody;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait Segment asked for with {@code Retry-After}, if it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String truncate(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS) + "...";
    }
}
