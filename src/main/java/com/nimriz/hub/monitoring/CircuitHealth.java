package com.nimriz.hub.monitoring;

import com.nimriz.hub.segment.DestinationBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health entry {@code circuits}: the destinations whose circuit is open or half-open.
 *
 * <p>It stays UP with them listed: an open circuit means one destination's Segment endpoint or
 * write key is failing, while the hub keeps working and parks that destination's messages. A DOWN
 * or OUT_OF_SERVICE here would make a load balancer or orchestrator drop or restart a healthy
 * instance, which mends nothing.
 */
@Component("circuitsHealthIndicator")
class CircuitHealth implements HealthIndicator {

    private final DestinationBreakers breakers;

    CircuitHealth(DestinationBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public Health health() {
        Map<String, CircuitBreaker.State> states = breakers.states();
        List<String> open = having(states, CircuitBreaker.State.OPEN);
        List<String> halfOpen = having(states, CircuitBreaker.State.HALF_OPEN);
        return Health.up()
                .withDetail("destinations", states.size())
                .withDetail("open", open)
                .withDetail("halfOpen", halfOpen)
                .build();
    }

    private static List<String> having(
            Map<String, CircuitBreaker.State> states, CircuitBreaker.State state) {
        return states.entrySet().stream()
                .filter(e -> e.getValue() == state)
                .map(Map.Entry::getKey)
                .toList();
    }
}
