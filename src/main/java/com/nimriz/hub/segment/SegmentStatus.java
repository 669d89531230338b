package com.nimriz.hub.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** How the hub reads Segment's answers (SPEC section 5): every status class lives here. */
public final class SegmentStatus {

    /** The longest {@code Retry-After} the hub honours. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(300);

    /** What an answer means for the batch. */
    public enum Verdict {
        DELIVERED,
        RETRY,
        FINAL
    }

    private SegmentStatus() {}

    /** 2xx delivered; 408, 410, 429, 460 and 5xx but 501, 505, 511 retried; the rest final. */
    public static Verdict classify(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        return switch (status) {
            case 408, 410, 429, 460 -> Verdict.RETRY;
            case 501, 505, 511 -> Verdict.FINAL;
            default -> status >= 500 && status < 600 ? Verdict.RETRY : Verdict.FINAL;
        };
    }

    /**
     * The wait a {@code Retry-After} header asks for, in seconds or as an HTTP date, capped at
     * {@link #MAX_RETRY_AFTER}; empty when absent or unreadable.
     */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at =
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant();
                wait = Duration.between(now, at);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }
}
