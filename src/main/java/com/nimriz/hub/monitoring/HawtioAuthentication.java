package com.nimriz.hub.monitoring;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides Hawtio's login when {@code hawtio.authenticationEnabled} is not set: off for a local run
 * on the embedded broker (no {@code hub.kafka.brokers}), on everywhere else.
 */
public class HawtioAuthentication implements EnvironmentPostProcessor, Ordered {

    static final String KEY = "hawtio.authenticationEnabled";

    static final String SOURCE = "hubHawtioAuthentication";

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(KEY)) {
            return;
        }
        String brokers = environment.getProperty("hub.kafka.brokers");
        boolean embedded = brokers == null || brokers.isBlank();
        // Known limitation: with the login on, the hub brings no user store; Hawtio checks a
        // JAAS realm named hawtio that the operator must provide, and until then nobody logs in.
        // Added last, so any setting from a file, the environment or the command line wins.
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(SOURCE, Map.of(KEY, String.valueOf(!embedded))));
    }

    /** After the configuration files are read, so hub.kafka.brokers is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
