package com.nimriz.hub.monitoring;

import com.nimriz.hub.kafka.KafkaCluster;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health entry {@code kafka}: whether the hub's Kafka cluster answers a describe-cluster call. */
@Component("kafkaHealthIndicator")
class KafkaHealth implements HealthIndicator, AutoCloseable {

    /** A health probe must answer quickly; a slower cluster counts as unreachable. */
    static final Duration DESCRIBE_TIMEOUT = Duration.ofSeconds(3);

    private final KafkaCluster cluster;

    private Admin admin;

    KafkaHealth(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        // The broker addresses stay out: the health answer is public.
        Health.Builder health = new Health.Builder().withDetail("embedded", cluster.embedded());
        try {
            DescribeClusterResult result =
                    admin().describeCluster(
                                    new DescribeClusterOptions()
                                            .timeoutMs((int) DESCRIBE_TIMEOUT.toMillis()));
            long waitMillis = DESCRIBE_TIMEOUT.toMillis() + 500;
            String clusterId = result.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
            int nodes = result.nodes().get(waitMillis, TimeUnit.MILLISECONDS).size();
            return health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("nodes", nodes)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return health.down(e).build();
        } catch (ExecutionException e) {
            return health.down()
                    .withDetail("error", e.getCause().getClass().getSimpleName())
                    .build();
        } catch (TimeoutException e) {
            return health.down()
                    .withDetail("error", "no answer within " + DESCRIBE_TIMEOUT)
                    .build();
        }
    }

    // One admin client for every probe: its connections are reused rather than opened each time.
    private synchronized Admin admin() {
        if (admin == null) {
            admin = cluster.admin();
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
