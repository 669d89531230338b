package com.nimriz.hub.event;

import static com.nimriz.hub.support.KafkaTestClient.header;
import static com.nimriz.hub.support.KafkaTestClient.record;
import static com.nimriz.hub.support.KafkaTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimriz.hub.HubIntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Canonical events taken from Kafka: invalid ones diverted with their reason, valid ones on. */
class EventIntakeIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired private MeterRegistry meters;

    @Test
    void sendsEveryInvalidClassToTheInvalidTopicWithItsReasonWhileValidEventsFlowOn() {
        String ws = newWorkspaceId();
        Map<String, String> invalid = invalidEvents(ws);
        List<String> valid = validEvents(ws);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        valid.forEach(json -> records.add(record(topics().events(), ws, json)));
        invalid.forEach((reason, json) -> records.add(record(topics().events(), ws, json)));
        awaitEventsConsumed();
        double validBefore = validCount();

        kafka().produce(topics().events(), records);

        List<ConsumerRecord<String, byte[]>> diverted =
                kafka().readUntil(
                                topics().invalid(), r -> ws.equals(r.key()), invalid.size(), WAIT);
        Map<String, String> reasonToValue =
                diverted.stream()
                        .collect(
                                Collectors.toMap(
                                        r -> header(r, "nimriz_invalid_reason"), r -> text(r)));
        assertThat(reasonToValue).isEqualTo(invalid);
        assertThat(diverted)
                .allSatisfy(r -> assertThat(header(r, "nimriz_invalid_detail")).isNotBlank());
        awaitEventsConsumed();
        assertThat(validCount() - validBefore).isEqualTo(valid.size());
    }

    @Test
    void keepsConsumingAfterARecordThatIsNotEvenUtf8() {
        String ws = newWorkspaceId();
        ProducerRecord<String, byte[]> garbage =
                new ProducerRecord<>(topics().events(), ws, new byte[] {(byte) 0xff, 0x00, 0x7b});
        ProducerRecord<String, byte[]> good = record(topics().events(), ws, linkClicked(ws, "ok"));

        kafka().produce(topics().events(), List.of(garbage, good));

        List<ConsumerRecord<String, byte[]>> diverted =
                kafka().readUntil(topics().invalid(), r -> ws.equals(r.key()), 1, WAIT);
        assertThat(diverted).hasSize(1);
        assertThat(diverted.get(0).value()).isEqualTo(garbage.value());
        assertThat(header(diverted.get(0), "nimriz_invalid_reason")).isEqualTo("not_json");
        awaitEventsConsumed();
    }

    private Map<String, String> invalidEvents(String ws) {
        return Map.of(
                "not_json", "{\"event_id\": \"broken",
                "missing_field",
                        "{\"event_id\":\"m1\",\"event_type\":\"link_clicked\",\"workspace_id\":\""
                                + ws
                                + "\"}",
                "wrong_type",
                        "{\"event_id\":\"w1\",\"event_type\":\"link_clicked\",\"occurred_at\":"
                                + "\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                                + ws
                                + "\",\"is_bot\":\"yes\"}",
                "unknown_event_type",
                        "{\"event_id\":\"u1\",\"event_type\":\"page_viewed\",\"occurred_at\":"
                                + "\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                                + ws
                                + "\"}",
                "missing_conversion_name",
                        "{\"event_id\":\"c1\",\"event_type\":\"conversion\",\"occurred_at\":"
                                + "\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                                + ws
                                + "\"}");
    }

    private static List<String> validEvents(String ws) {
        return List.of(
                linkClicked(ws, "v1"),
                linkClicked(ws, "v2"),
                "{\"event_id\":\"v3\",\"event_type\":\"conversion\",\"conversion_name\":\"Signup\","
                        + "\"occurred_at\":\"2026-12-03T10:00:00.123+01:00\",\"workspace_id\":\""
                        + ws
                        + "\",\"revenue\":12.5,\"currency\":\"EUR\",\"unknown\":1}");
    }

    private static String linkClicked(String ws, String eventId) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\","
                + "\"ip\":\"203.0.113.7\",\"country\":\"US\"}";
    }

    private double validCount() {
        Counter counter = meters.find("nimriz.events.valid").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Waits until the hub's consumer group has committed every record of the events topic. */
    private void awaitEventsConsumed() {
        await().atMost(WAIT).until(this::eventsLag, lag -> lag == 0);
    }

    private long eventsLag() throws Exception {
        try (Admin admin = kafkaCluster.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(properties.kafka().consumerGroup())
                            .partitionsToOffsetAndMetadata()
                            .get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < properties.kafka().eventsPartitions(); p++) {
                latest.put(new TopicPartition(topics().events(), p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    private com.nimriz.hub.HubProperties.Topics topics() {
        return properties.topics();
    }
}
