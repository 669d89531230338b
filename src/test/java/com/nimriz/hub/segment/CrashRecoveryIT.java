package com.nimriz.hub.segment;

import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultShutdownStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The Camel context is stopped hard in the middle of a stream, with batches in flight, and started
 * again: every event still reaches Segment, and a duplicate carries the same messageId.
 */
@DirtiesContext
// Runs beside the shared context, so with a broker and database of its own.
@TestPropertySource(
        properties = {
            "hub.delivery.batch-max-messages=10",
            "hub.kafka.max-poll-records=50",
            "hub.test.storage-suffix=-crash"
        })
class CrashRecoveryIT extends HubIntegrationTest {

    private static final int EVENTS = 300;

    @Autowired private CamelContext camel;

    @Test
    void deliversEveryEventAtLeastOnceAcrossAStopInTheMiddleOfAStream() throws Exception {
        Wiring wiring = clickDestination("us");
        String ws = wiring.ws();
        String key = wiring.key();
        String action = wiring.action();
        List<Reply> slow = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            slow.add(Reply.slow(150));
        }
        SEGMENT.script(key, slow.toArray(Reply[]::new));
        Set<String> expected = new HashSet<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String topic = properties.topics().events();
        for (int i = 0; i < EVENTS; i++) {
            String eventId = "crash-" + i;
            expected.add(MessageIds.of(ws, action, eventId));
            records.add(record(topic, ws, click(ws, eventId)));
        }

        kafka().produce(topic, records);
        await().atMost(Duration.ofSeconds(30)).until(() -> SEGMENT.batches(key).size() >= 3);
        camel.getShutdownStrategy().setTimeout(1);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.getShutdownStrategy().setShutdownNowOnTimeout(true);
        camel.stop();
        // A fresh strategy: the old one stays in its forced-shutdown state and rejects work.
        camel.setShutdownStrategy(new DefaultShutdownStrategy(camel));
        camel.start();

        await().atMost(Duration.ofSeconds(90))
                .until(() -> messageIds(SEGMENT.accepted(key)).containsAll(expected));
        Map<String, List<JsonNode>> byMessageId = new HashMap<>();
        for (JsonNode message : SEGMENT.accepted(key)) {
            byMessageId
                    .computeIfAbsent(message.get("messageId").asText(), id -> new ArrayList<>())
                    .add(message);
        }
        assertThat(byMessageId.keySet()).isEqualTo(expected);
        assertThat(byMessageId.values())
                .allSatisfy(
                        copies ->
                                assertThat(copies)
                                        .allSatisfy(
                                                copy -> assertThat(copy).isEqualTo(copies.get(0))));
    }

    private static Set<String> messageIds(List<JsonNode> messages) {
        Set<String> ids = new HashSet<>();
        messages.forEach(m -> ids.add(m.get("messageId").asText()));
        return ids;
    }

    private static String click(String ws, String eventId) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\","
                + "\"ip\":\"192.0.2.30\",\"country\":\"US\"}";
    }
}
