package com.nimriz.hub.kafka;

import com.nimriz.hub.HubProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster the hub works with: the one named by {@code hub.kafka.brokers}, or the local
 * embedded broker. It makes sure every topic of the hub exists before any route starts.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    private final EmbeddedKafkaBroker embedded;

    private KafkaCluster(String bootstrapServers, EmbeddedKafkaBroker embedded) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
    }

    /** Connects to the configured cluster, or starts the embedded broker when none is set. */
    static KafkaCluster connect(HubProperties properties) {
        HubProperties.Kafka kafka = properties.kafka();
        KafkaCluster cluster;
        if (properties.embeddedKafka()) {
            EmbeddedKafkaBroker broker =
                    EmbeddedKafkaBroker.start(kafka.embedded(), kafka.eventsPartitions());
            cluster = new KafkaCluster(broker.bootstrapServers(), broker);
        } else {
            LOG.info("Using the Kafka cluster at {}", kafka.brokers());
            cluster = new KafkaCluster(kafka.brokers(), null);
        }
        try {
            cluster.createMissingTopics(properties);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Bootstrap servers for clients, in Kafka's {@code host:port,...} form. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when the hub runs the broker itself. */
    public boolean embedded() {
        return embedded != null;
    }

    /** An admin client for this cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) ADMIN_TIMEOUT.toMillis()));
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }

    private void createMissingTopics(HubProperties properties) {
        HubProperties.Topics topics = properties.topics();
        int partitions = properties.kafka().eventsPartitions();
        List<NewTopic> wanted =
                List.of(
                        topic(topics.events(), partitions),
                        topic(topics.invalid(), partitions),
                        topic(topics.retry(), partitions),
                        topic(topics.dead(), partitions),
                        topic(topics.workspaces(), 1)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT)));
        try (Admin admin = admin()) {
            Set<String> existing =
                    admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot reach Kafka at " + bootstrapServers + " to create the hub's topics", e);
        }
    }

    private static NewTopic topic(String name, int partitions) {
        // An empty replication factor takes the cluster's default.
        return new NewTopic(name, Optional.of(partitions), Optional.empty());
    }
}
