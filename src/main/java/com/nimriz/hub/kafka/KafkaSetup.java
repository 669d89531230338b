package com.nimriz.hub.kafka;

import com.nimriz.hub.HubProperties;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Kafka cluster into Camel's Kafka component before any route starts. */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    @Bean(destroyMethod = "close")
    KafkaCluster kafkaCluster(HubProperties properties) {
        return KafkaCluster.connect(properties);
    }

    @Bean
    ComponentCustomizer kafkaBrokersCustomizer(KafkaCluster cluster) {
        return ComponentCustomizer.builder(KafkaComponent.class)
                .build(
                        component ->
                                component
                                        .getConfiguration()
                                        .setBrokers(cluster.bootstrapServers()));
    }
}
