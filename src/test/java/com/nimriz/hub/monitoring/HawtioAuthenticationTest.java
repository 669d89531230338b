package com.nimriz.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class HawtioAuthenticationTest {

    @Test
    void switchesTheLoginOffForALocalRunOnTheEmbeddedBroker() {
        StandardEnvironment environment = environment(Map.of("hub.kafka.brokers", ""));

        new HawtioAuthentication().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(HawtioAuthentication.KEY)).isEqualTo("false");
    }

    @Test
    void keepsTheLoginOnWithARealKafkaCluster() {
        StandardEnvironment environment = environment(Map.of("hub.kafka.brokers", "kafka-1:9092"));

        new HawtioAuthentication().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(HawtioAuthentication.KEY)).isEqualTo("true");
    }

    @Test
    void leavesAnExplicitSettingAlone() {
        StandardEnvironment environment =
                environment(Map.of("hub.kafka.brokers", "", HawtioAuthentication.KEY, "true"));

        new HawtioAuthentication().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(HawtioAuthentication.KEY)).isEqualTo("true");
        assertThat(environment.getPropertySources().contains(HawtioAuthentication.SOURCE))
                .isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
