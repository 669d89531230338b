package com.nimriz.hub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.HubProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WriteKeyThrottleTest {

    private final WriteKeyThrottle throttle = new WriteKeyThrottle(properties(400));

    @Test
    void startsEveryKeyAtTheConfiguredRate() {
        assertThat(throttle.rate("k1")).isEqualTo(400);
    }

    @Test
    void halvesOnlyTheThrottledKeysRateOnA429() {
        throttle.slowDown(batch("k1"));

        assertThat(throttle.rate("k1")).isEqualTo(200);
        assertThat(throttle.rate("k2")).isEqualTo(400);
    }

    @Test
    void winsTheRateBackStepByStepAndNeverPassesTheCap() {
        throttle.slowDown(batch("k1"));
        throttle.slowDown(batch("k1"));

        throttle.succeeded(batch("k1"));
        double afterOne = throttle.rate("k1");
        for (int i = 0; i < 100; i++) {
            throttle.succeeded(batch("k1"));
        }

        assertThat(afterOne).isGreaterThan(100).isLessThan(400);
        assertThat(throttle.rate("k1")).isEqualTo(400);
    }

    @Test
    void neverGoesBelowOneRequestPerSecond() {
        for (int i = 0; i < 20; i++) {
            throttle.slowDown(batch("k1"));
        }

        assertThat(throttle.rate("k1")).isEqualTo(WriteKeyThrottle.MIN_REQUESTS_PER_SECOND);
    }

    private static SegmentBatch batch(String writeKeyId) {
        return new SegmentBatch(
                "b", "d", "ws", "http://localhost/v1/batch", "Basic x", writeKeyId, List.of());
    }

    private static HubProperties properties(int maxRequestsPerSecond) {
        var source = new MapConfigurationPropertySource();
        source.put("hub.delivery.max-requests-per-second", String.valueOf(maxRequestsPerSecond));
        return new Binder(source).bindOrCreate("hub", HubProperties.class);
    }
}
