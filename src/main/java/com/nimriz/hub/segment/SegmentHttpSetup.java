package com.nimriz.hub.segment;

import com.nimriz.hub.HubProperties;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client and threads that carry batches to Segment. */
@Configuration(proxyBeanMethods = false)
class SegmentHttpSetup {

    /** Connect and response timeouts, so a slow Segment fails a batch rather than hang it. */
    @Bean
    ComponentCustomizer segmentHttpTimeouts(HubProperties properties) {
        HubProperties.Delivery delivery = properties.delivery();
        return ComponentCustomizer.builder(HttpComponent.class)
                .build(
                        http -> {
                            http.setConnectTimeout(delivery.connectTimeout().toMillis());
                            http.setResponseTimeout(delivery.responseTimeout().toMillis());
                            http.setSoTimeout(delivery.responseTimeout().toMillis());
                        });
    }

    /** Batches of one poll go out this many at a time. */
    @Bean(name = "deliveryExecutor")
    ExecutorService deliveryExecutor(CamelContext camel, HubProperties properties) {
        return camel.getExecutorServiceManager()
                .newFixedThreadPool(this, "deliver-batch", properties.delivery().parallelBatches());
    }

    /** Runs before each in-place retry of a batch: logs it and renews sentAt. */
    @Bean(name = "batchRedelivery")
    Processor batchRedelivery(SegmentResponses responses) {
        return responses::beforeRedelivery;
    }
}
