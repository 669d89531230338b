package com.nimriz.hub.segment;

import com.nimriz.hub.HubProperties;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP client and threads that carry batches to Segment. */
@Configuration(proxyBeanMethods = false)
class SegmentHttpSetup {

    /**
     * The HTTP client of send-batch must not repeat a request by itself: retries are the hub's to
     * decide, to log and to stamp with a new sentAt. Timeouts are endpoint options there.
     */
    @Bean(name = "segmentHttpClient")
    HttpClientConfigurer segmentHttpClient() {
        return builder -> builder.disableAutomaticRetries();
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
