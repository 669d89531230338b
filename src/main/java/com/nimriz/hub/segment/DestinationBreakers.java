package com.nimriz.hub.segment;

import com.nimriz.hub.HubProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One Resilience4j circuit breaker per destination (SPEC section 5). Camel's circuitBreaker EIP
 * holds one breaker per route step, so the per-destination registry lives here.
 */
@Component("destinationBreakers")
public class DestinationBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationBreakers.class);

    private final CircuitBreakerRegistry registry;

    private final Duration openStateWait;

    public DestinationBreakers(HubProperties properties, MeterRegistry meters) {
        HubProperties.Breaker settings = properties.delivery().breaker();
        this.openStateWait = settings.openStateWait();
        // Opens when half of the last calls failed, stays open for the wait, then lets a few
        // trial batches through before closing again.
        CircuitBreakerConfig config =
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRatePercent())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.slidingWindowCalls())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .waitDurationInOpenState(openStateWait)
                        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .build();
        this.registry = CircuitBreakerRegistry.of(config);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry(), meters));
    }

    private static void watch(CircuitBreaker breaker, MeterRegistry meters) {
        breaker.getEventPublisher()
                .onStateTransition(
                        event ->
                                LOG.info(
                                        "Circuit of destination {} went from {} to {}",
                                        event.getCircuitBreakerName(),
                                        event.getStateTransition().getFromState(),
                                        event.getStateTransition().getToState()));
        Gauge.builder("nimriz.circuit.state", breaker, b -> stateCode(b.getState()))
                .description("0 closed, 1 open, 2 half-open")
                .tag("destination", breaker.getName())
                .register(meters);
    }

    /** The circuit state as the gauge reports it: 0 closed, 1 open, 2 half-open. */
    static int stateCode(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 2;
            default -> 1;
        };
    }

    /** Takes a permission to call the destination; false while its circuit is open. */
    public boolean tryAcquire(String destinationId) {
        return breaker(destinationId).tryAcquirePermission();
    }

    public void succeeded(String destinationId, Duration took) {
        breaker(destinationId).onSuccess(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void failed(String destinationId, Duration took, Throwable cause) {
        breaker(destinationId).onError(took.toNanos(), TimeUnit.NANOSECONDS, cause);
    }

    public CircuitBreaker.State state(String destinationId) {
        return breaker(destinationId).getState();
    }

    /** The state of every destination's circuit this instance has used, by destination id. */
    public Map<String, CircuitBreaker.State> states() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        registry.getAllCircuitBreakers().forEach(b -> states.put(b.getName(), b.getState()));
        return states;
    }

    /** How long an open circuit stays open before it tries again. */
    public Duration openStateWait() {
        return openStateWait;
    }

    private CircuitBreaker breaker(String destinationId) {
        return registry.circuitBreaker(destinationId);
    }
}
