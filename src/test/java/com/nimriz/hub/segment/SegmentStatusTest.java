package com.nimriz.hub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.segment.SegmentStatus.Verdict;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentStatusTest {

    @Nested
    class Classify {

        @ParameterizedTest
        @ValueSource(ints = {200, 201, 204})
        void treats2xxAsDelivered(int status) {
            assertThat(SegmentStatus.classify(status)).isEqualTo(Verdict.DELIVERED);
        }

        @ParameterizedTest
        @ValueSource(ints = {408, 410, 429, 460, 500, 502, 503, 504, 599})
        void retriesTheRetryableStatuses(int status) {
            assertThat(SegmentStatus.classify(status)).isEqualTo(Verdict.RETRY);
        }

        @ParameterizedTest
        @ValueSource(ints = {301, 400, 401, 403, 404, 413, 422, 501, 505, 511})
        void givesUpOnEveryOtherStatus(int status) {
            assertThat(SegmentStatus.classify(status)).isEqualTo(Verdict.FINAL);
        }
    }

    @Nested
    class RetryAfter {

        private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

        @Test
        void readsSeconds() {
            assertThat(SegmentStatus.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        }

        @Test
        void readsAnHttpDate() {
            assertThat(SegmentStatus.retryAfter("Thu, 03 Dec 2026 10:00:30 GMT", now))
                    .contains(Duration.ofSeconds(30));
        }

        @Test
        void capsTheWaitAtFiveMinutes() {
            assertThat(SegmentStatus.retryAfter("3600", now)).contains(Duration.ofSeconds(300));
        }

        @Test
        void treatsADateInThePastAsNoWait() {
            assertThat(SegmentStatus.retryAfter("Thu, 03 Dec 2026 09:00:00 GMT", now))
                    .contains(Duration.ZERO);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "soon", "-"})
        void ignoresWhatItCannotRead(String header) {
            assertThat(SegmentStatus.retryAfter(header, now)).isEmpty();
        }

        @Test
        void ignoresAMissingHeader() {
            assertThat(SegmentStatus.retryAfter(null, now)).isEmpty();
        }
    }
}
