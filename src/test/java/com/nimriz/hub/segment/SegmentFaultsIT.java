package com.nimriz.hub.segment;

import static com.nimriz.hub.segment.SegmentDeliveryIT.linkClicked;
import static com.nimriz.hub.support.KafkaTestClient.header;
import static com.nimriz.hub.support.KafkaTestClient.record;
import static com.nimriz.hub.support.KafkaTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.SegmentStandIn.BatchRequest;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scripted Segment faults: what is retried, how long it waits, what is parked or dead. */
class SegmentFaultsIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired private DestinationBreakers breakers;

    @Nested
    class Retries {

        @Test
        void deliversEachMessageOnceAfter503Then503Then200() {
            Wiring setup = clickDestination("us");
            SEGMENT.script(setup.key(), Reply.status(503), Reply.status(503));

            produce(setup, "r1", "r2", "r3");

            List<JsonNode> accepted = awaitAccepted(setup.key(), 3);
            assertThat(messageIds(accepted)).hasSize(3);
            List<BatchRequest> requests = SEGMENT.batches(setup.key());
            assertThat(requests).extracting(BatchRequest::answeredStatus).startsWith(503, 503);
            // Every attempt of the same messages carries its own sentAt.
            Map<Set<String>, List<String>> sentAtsPerBatch =
                    requests.stream()
                            .collect(
                                    Collectors.groupingBy(
                                            r -> messageIds(r.messages()),
                                            Collectors.mapping(
                                                    r -> r.body().get("sentAt").asText(),
                                                    Collectors.toList())));
            assertThat(sentAtsPerBatch.values())
                    .allSatisfy(sentAts -> assertThat(sentAts).doesNotHaveDuplicates());
        }

        @Test
        void waitsAsLongAsRetryAfterSaysOnA429() {
            Wiring setup = clickDestination("us");
            SEGMENT.script(setup.key(), Reply.retryAfter(429, 2));

            produce(setup, "t1");

            awaitAccepted(setup.key(), 1);
            List<BatchRequest> requests = SEGMENT.batches(setup.key());
            long waited = requests.get(1).receivedAtMillis() - requests.get(0).receivedAtMillis();
            assertThat(requests.get(0).answeredStatus()).isEqualTo(429);
            assertThat(waited).isGreaterThanOrEqualTo(2000);
        }

        @Test
        void retriesAfterAConnectionReset() {
            Wiring setup = clickDestination("us");
            SEGMENT.script(setup.key(), Reply.connectionReset());

            produce(setup, "c1");

            assertThat(awaitAccepted(setup.key(), 1)).hasSize(1);
            assertThat(SEGMENT.batches(setup.key())).hasSizeGreaterThanOrEqualTo(2);
        }

        @Test
        void retriesAResponseSlowerThanTheTimeout() {
            Wiring setup = clickDestination("us");
            SEGMENT.script(setup.key(), Reply.slow(2500));

            produce(setup, "s1");

            awaitAccepted(setup.key(), 2);
            assertThat(SEGMENT.batches(setup.key())).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Nested
    class FinalAnswers {

        @Test
        void sendsA400BatchToTheDeadTopicWithTheStatusAndBodyWithoutRetrying() {
            assertDeadAfter(400);
        }

        @Test
        void sendsA401BatchToTheDeadTopicWithTheStatusAndBodyWithoutRetrying() {
            assertDeadAfter(401);
        }

        private void assertDeadAfter(int status) {
            Wiring setup = clickDestination("us");
            SEGMENT.script(setup.key(), Reply.status(status), Reply.status(status));

            produce(setup, "d1", "d2");

            List<ConsumerRecord<String, byte[]>> dead =
                    kafka().readUntil(
                                    properties.topics().dead(),
                                    r -> setup.destination().equals(r.key()),
                                    2,
                                    WAIT);
            assertThat(dead).hasSize(2);
            for (ConsumerRecord<String, byte[]> record : dead) {
                JsonNode letter = read(record);
                assertThat(letter.get("status").asInt()).isEqualTo(status);
                assertThat(letter.get("reason").asText()).isEqualTo("rejected");
                assertThat(letter.get("response_body").asText()).contains("success");
                assertThat(letter.get("message").get("messageId").asText()).startsWith("nmz-");
                assertThat(header(record, "nimriz_dead_reason")).isEqualTo("rejected");
                assertThat(header(record, "Authorization")).isNull();
            }
            List<BatchRequest> requests = SEGMENT.batches(setup.key());
            assertThat(requests).allSatisfy(r -> assertThat(r.answeredStatus()).isEqualTo(status));
            assertThat(requests.stream().mapToInt(r -> r.messages().size()).sum()).isEqualTo(2);
        }
    }

    @Nested
    class Outage {

        @Test
        void opensTheCircuitParksAndLaterDrainsOneDestinationWhileAnotherKeepsReceiving() {
            Wiring down = clickDestination("us");
            Wiring up = clickDestination("eu");
            List<Reply> outage = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                outage.add(Reply.status(503));
            }
            SEGMENT.script(down.key(), outage.toArray(Reply[]::new));

            produce(down, "o1", "o2");
            await().atMost(WAIT)
                    .until(
                            () -> breakers.state(down.destination()),
                            state -> state == CircuitBreaker.State.OPEN);
            produce(up, "u1");
            produce(down, "o3");

            assertThat(awaitAccepted(up.key(), 1)).hasSize(1);
            List<ConsumerRecord<String, byte[]>> parked =
                    kafka().readUntil(
                                    properties.topics().retry(),
                                    r -> down.destination().equals(r.key()),
                                    3,
                                    WAIT);
            assertThat(parked).hasSizeGreaterThanOrEqualTo(3);
            List<JsonNode> drained = awaitAccepted(down.key(), 3);
            assertThat(messageIds(drained)).hasSize(3);
            assertThat(SEGMENT.violations()).isEmpty();
        }
    }

    private void produce(Wiring setup, String... eventIds) {
        String topic = properties.topics().events();
        List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> records =
                new ArrayList<>();
        for (String eventId : eventIds) {
            records.add(record(topic, setup.ws(), linkClicked(setup.ws(), eventId, "192.0.2.1")));
        }
        kafka().produce(topic, records);
    }

    private static Set<String> messageIds(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("messageId").asText()).collect(Collectors.toSet());
    }

    private static JsonNode read(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(text(record));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
