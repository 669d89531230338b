package com.nimriz.hub.segment;

import com.nimriz.hub.HubProperties;
import com.nimriz.hub.outcome.DeliveryLog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
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

    /**
     * Batches of one poll go out this many at a time. The pool lives as long as the Spring context,
     * so a restarted Camel context finds it still running.
     */
    @Bean(name = "deliveryExecutor", destroyMethod = "shutdown")
    ExecutorService deliveryExecutor(HubProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(
                properties.delivery().parallelBatches(),
                task -> {
                    Thread thread = new Thread(task, "deliver-batch-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs before each in-place retry of a batch: logs and records it, renews the request. */
    @Bean(name = "batchRedelivery")
    Processor batchRedelivery(SegmentResponses responses, DeliveryLog log) {
        return exchange -> {
            SegmentBatch batch = exchange.getProperty("batch", SegmentBatch.class);
            Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            Integer status = cause instanceof DeliveryFailure failure ? failure.status() : null;
            log.retried(batch, status, SegmentResponses.describe(cause));
            responses.beforeRedelivery(exchange);
        };
    }
}
