package com.nimriz.hub;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.kafka.KafkaCluster;
import com.nimriz.hub.support.ApiClient;
import com.nimriz.hub.support.HubFixtures;
import com.nimriz.hub.support.KafkaTestClient;
import com.nimriz.hub.support.SegmentStandIn;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub as a user meets it: its own embedded KRaft broker, an H2 file database, the API on
 * a real port, and a real HTTP server playing Segment. Subclasses share one running hub.
 */
// Our own DEBUG lines run too, so the log scans see everything the hub could write.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.com.nimriz=DEBUG")
// Tests switch metrics export off by default; the hub's Prometheus endpoint is part of the hub.
@AutoConfigureObservability
public abstract class HubIntegrationTest {

    protected static final SegmentStandIn SEGMENT = SegmentStandIn.start();

    private static final String RUN = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.kafka.embedded.port", () -> 0);
        registry.add("hub.kafka.embedded.controller-port", () -> 0);
        // A test class that needs a context of its own sets hub.test.storage-suffix.
        registry.add(
                "hub.kafka.embedded.data-dir",
                () -> "target/it/kafka-" + RUN + "${hub.test.storage-suffix:}");
        registry.add("hub.kafka.poll-timeout-ms", () -> 200);
        registry.add(
                "spring.datasource.url",
                () ->
                        "jdbc:h2:file:./target/it/db-"
                                + RUN
                                + "${hub.test.storage-suffix:};DB_CLOSE_ON_EXIT=FALSE");
        registry.add("hub.segment.cdn-url", SEGMENT::url);
        registry.add("hub.segment.us-endpoint", SEGMENT::usEndpoint);
        registry.add("hub.segment.eu-endpoint", SEGMENT::euEndpoint);
        // Faults play out in seconds: short backoffs, a quick breaker, short timeouts.
        registry.add("hub.delivery.inline-backoff", () -> "10");
        registry.add("hub.delivery.park-backoff", () -> "300ms");
        registry.add("hub.delivery.park-max-backoff", () -> "2s");
        registry.add("hub.delivery.response-timeout", () -> "1000");
        registry.add("hub.delivery.breaker.sliding-window-calls", () -> 4);
        registry.add("hub.delivery.breaker.minimum-calls", () -> 2);
        registry.add("hub.delivery.breaker.open-state-wait", () -> "2s");
        registry.add("hub.delivery.breaker.half-open-calls", () -> 1);
        // Hawtio opens without a login, as in a local run; set here so every IT shares one hub.
        registry.add("hawtio.authenticationEnabled", () -> "false");
    }

    @LocalServerPort protected int port;

    @Autowired protected KafkaCluster kafkaCluster;

    @Autowired protected HubProperties properties;

    /** The management API with the hub's token. */
    protected ApiClient api() {
        return new ApiClient(port, properties.api().token());
    }

    protected KafkaTestClient kafka() {
        return new KafkaTestClient(kafkaCluster.bootstrapServers());
    }

    /** Writes canonical events (JSON texts) of one workspace to the events topic. */
    protected void produceEvents(String ws, String... events) {
        String topic = properties.topics().events();
        kafka().produce(
                        topic,
                        Arrays.stream(events)
                                .map(e -> KafkaTestClient.record(topic, ws, e))
                                .toList());
    }

    /** Waits until Segment has accepted at least this many messages for the write key. */
    protected static List<JsonNode> awaitAccepted(String writeKey, int count) {
        return await().atMost(Duration.ofSeconds(40))
                .until(() -> SEGMENT.accepted(writeKey), messages -> messages.size() >= count);
    }

    /** A professional workspace with one destination and an enabled action on clicks. */
    protected record Wiring(String ws, String key, String destination, String action) {}

    /** Sets up a {@link Wiring} through the API, with a fresh workspace and write key. */
    protected Wiring clickDestination(String region) {
        String ws = newWorkspaceId();
        String key = "wk" + UUID.randomUUID().toString().replace("-", "");
        HubFixtures fixtures = new HubFixtures(api());
        fixtures.workspace(ws, "professional", false);
        String destination = fixtures.destination(ws, region, key);
        String action =
                fixtures.enabledAction(ws, destination, HubFixtures.actionOn("link_clicked"));
        return new Wiring(ws, key, destination, action);
    }

    /** A workspace id no other test uses. */
    protected static String newWorkspaceId() {
        return "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
