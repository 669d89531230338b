package com.nimriz.hub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubProperties;
import com.nimriz.hub.support.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class DeliveryAttemptsTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    private final MeterRegistry meters = new SimpleMeterRegistry();

    private final HubProperties properties = properties();

    private final DestinationBreakers breakers = new DestinationBreakers(properties, meters);

    private final DeliveryAttempts attempts =
            new DeliveryAttempts(breakers, properties, clock, meters);

    @Test
    void opensTheCircuitOnRetryableFailuresButNotOnRefusals() {
        for (int i = 0; i < 10; i++) {
            attempts.failed(batch(delivery(0)), failure(400, null), START);
        }
        CircuitBreaker.State afterRefusals = breakers.state("d1");
        for (int i = 0; i < 10; i++) {
            attempts.failed(batch(delivery(0)), failure(503, null), START);
        }

        assertThat(afterRefusals).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.state("d1")).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void parksARetryableFailureWithABackoffThatGrows() {
        SegmentBatch batch = batch(delivery(0));

        DeliveryAttempts.Outcome first = attempts.failed(batch, failure(503, null), START);
        Delivery once = first.retry().get(0);
        DeliveryAttempts.Outcome second = attempts.failed(batch(once), failure(503, null), START);

        assertThat(first.dead()).isEmpty();
        assertThat(once.attempts()).isEqualTo(1);
        assertThat(once.lastStatus()).isEqualTo(503);
        Duration firstWait = Duration.between(START, once.notBefore());
        Duration secondWait = Duration.between(START, second.retry().get(0).notBefore());
        assertThat(secondWait).isGreaterThan(firstWait);
    }

    @Test
    void waitsAsLongAsRetryAfterAsks() {
        DeliveryAttempts.Outcome outcome =
                attempts.failed(batch(delivery(0)), failure(429, Duration.ofSeconds(90)), START);

        assertThat(outcome.retry().get(0).notBefore()).isEqualTo(START.plusSeconds(90));
    }

    @Test
    void sendsAFinalFailureToTheDeadTopicWithStatusAndBody() {
        DeliveryAttempts.Outcome outcome =
                attempts.failed(batch(delivery(0)), failure(400, null), START);

        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.dead())
                .singleElement()
                .satisfies(
                        dead -> {
                            assertThat(dead.status()).isEqualTo(400);
                            assertThat(dead.reason()).isEqualTo("rejected");
                            assertThat(dead.responseBody()).isEqualTo("{\"error\":\"bad\"}");
                        });
    }

    @Test
    void givesUpOnAMessageOlderThanTheMaxAgeThatStillFails() {
        clock.advance(Duration.ofHours(25));

        DeliveryAttempts.Outcome outcome =
                attempts.failed(batch(delivery(3)), failure(503, null), START);

        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.dead())
                .singleElement()
                .satisfies(dead -> assertThat(dead.reason()).isEqualTo("expired"));
    }

    @Test
    void sortsParkedDeliveriesPastTheMaxAgeOutOfTheDueOnes() {
        Delivery fresh = delivery(1);
        clock.advance(Duration.ofHours(25));
        Delivery young =
                Delivery.first(
                        "d1",
                        "ws",
                        "a1",
                        "e2",
                        new ObjectMapper().createObjectNode().put("messageId", "nmz-2"),
                        clock.instant());

        DeliveryAttempts.Outcome outcome = attempts.sortDue(List.of(fresh, young));

        assertThat(outcome.retry()).containsExactly(young);
        assertThat(outcome.dead()).hasSize(1);
    }

    private static DeliveryFailure failure(int status, Duration retryAfter) {
        boolean retryable = SegmentStatus.classify(status) == SegmentStatus.Verdict.RETRY;
        return new DeliveryFailure(status, "{\"error\":\"bad\"}", retryable, retryAfter, "test");
    }

    private static Delivery delivery(int attempts) {
        Delivery first =
                Delivery.first(
                        "d1",
                        "ws",
                        "a1",
                        "e1",
                        new ObjectMapper().createObjectNode().put("messageId", "nmz-1"),
                        START);
        return new Delivery(
                first.destinationId(),
                first.workspaceId(),
                first.actionId(),
                first.eventId(),
                first.message(),
                attempts,
                START,
                START,
                null,
                null);
    }

    private static SegmentBatch batch(Delivery delivery) {
        return new SegmentBatch(
                "b1", "d1", "ws", "http://localhost/v1/batch", "Basic x", "k1", List.of(delivery));
    }

    private static HubProperties properties() {
        return new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("hub", HubProperties.class);
    }
}
