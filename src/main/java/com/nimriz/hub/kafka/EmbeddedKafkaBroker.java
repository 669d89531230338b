package com.nimriz.hub.kafka;

import com.nimriz.hub.HubProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node KRaft broker run inside the hub for local use, with Kafka's own server. */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;

    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats the data directory on first use, then starts the broker and its controller. */
    static EmbeddedKafkaBroker start(HubProperties.Embedded settings, int defaultPartitions) {
        int port = settings.port() == 0 ? freePort() : settings.port();
        int controllerPort =
                settings.controllerPort() == 0 ? freePort() : settings.controllerPort();
        Path logDir = settings.dataDir().toAbsolutePath().normalize();
        Properties props = brokerProperties(port, controllerPort, logDir, defaultPartitions);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        formatIfNew(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = "localhost:" + port;
        LOG.info(
                "Started the local embedded Kafka broker (KRaft, single node) at {}"
                        + " with data in {};"
                        + " set hub.kafka.brokers to use a real cluster",
                bootstrap,
                logDir);
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        LOG.info("Stopping the local embedded Kafka broker at {}", bootstrapServers);
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(
            int port, int controllerPort, Path logDir, int defaultPartitions) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put(
                "listeners",
                "PLAINTEXT://localhost:"
                        + port
                        + ","
                        + CONTROLLER_LISTENER
                        + "://localhost:"
                        + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", String.valueOf(defaultPartitions));
        // A single node holds every replica of the internal topics.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        // A lone consumer should not wait for others to join before it gets its partitions.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    private static void formatIfNew(Path logDir) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(
                            new PrintStream(
                                    OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data directory " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + logDir, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port for the embedded broker", e);
        }
    }
}
