package com.nimriz.hub.outcome;

import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient.Answer;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Dead messages listed and replayed through the API, with their original messageId. */
class DeadLetterReplayIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Setup(String ws, String key, String destination, String action) {

        String deadLetters() {
            return "/api/v1/workspaces/" + ws + "/dead-letters";
        }
    }

    /** Two events Segment refused with 400, now in the dead letters. */
    private Setup twoDeadMessages() {
        Wiring wiring = clickDestination("us");
        String ws = wiring.ws();
        String key = wiring.key();
        SEGMENT.script(key, Reply.status(400), Reply.status(400));
        String topic = properties.topics().events();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (String id : List.of("dl-1", "dl-2")) {
            records.add(
                    record(
                            topic,
                            ws,
                            "{\"event_id\":\""
                                    + id
                                    + "\",\"event_type\":\"link_clicked\","
                                    + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                                    + ws
                                    + "\",\"ip\":\"192.0.2.60\"}"));
        }
        kafka().produce(topic, records);
        Setup setup = new Setup(ws, key, wiring.destination(), wiring.action());
        await().atMost(WAIT).until(() -> listed(setup, "").size() == 2);
        // Both may have gone in one request; the second 400 must not meet the replay.
        SEGMENT.clearScript(key);
        return setup;
    }

    private List<JsonNode> listed(Setup setup, String query) {
        List<JsonNode> rows = new ArrayList<>();
        api().get(setup.deadLetters() + query).body().get("dead_letters").forEach(rows::add);
        return rows;
    }

    private static Set<String> messageIds(List<JsonNode> messages, String field) {
        return messages.stream().map(m -> m.get(field).asText()).collect(Collectors.toSet());
    }

    @Test
    void listsDeadMessagesWithStatusReasonAndMessageFilteredByAction() {
        Setup setup = twoDeadMessages();

        List<JsonNode> all = listed(setup, "?action_id=" + setup.action());
        List<JsonNode> none = listed(setup, "?action_id=someone-else");

        assertThat(all)
                .hasSize(2)
                .allSatisfy(
                        row -> {
                            assertThat(row.get("http_status").asInt()).isEqualTo(400);
                            assertThat(row.get("reason").asText()).isEqualTo("rejected");
                            assertThat(row.get("message").get("messageId").asText())
                                    .isEqualTo(row.get("message_id").asText());
                        });
        assertThat(none).isEmpty();
    }

    @Test
    void countsWithoutSendingOnADryRun() {
        Setup setup = twoDeadMessages();
        int requestsBefore = SEGMENT.batches(setup.key()).size();

        Answer dryRun = api().post(setup.deadLetters() + "/replay", "{\"dry_run\":true}");

        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.body().get("count").asInt()).isEqualTo(2);
        assertThat(SEGMENT.batches(setup.key())).hasSize(requestsBefore);
        assertThat(listed(setup, "")).hasSize(2);
    }

    @Test
    void replaysWithTheOriginalMessageIdsAndOnlyOnce() {
        Setup setup = twoDeadMessages();
        Set<String> deadIds = messageIds(listed(setup, ""), "message_id");

        Answer replay =
                api().post(
                                setup.deadLetters() + "/replay",
                                "{\"destination_id\":\"" + setup.destination() + "\"}");
        Answer again = api().post(setup.deadLetters() + "/replay", "{}");

        assertThat(replay.body().get("count").asInt()).isEqualTo(2);
        assertThat(messageIds(SEGMENT.accepted(setup.key()), "messageId")).isEqualTo(deadIds);
        assertThat(again.body().get("count").asInt()).isZero();
        assertThat(listed(setup, "")).isEmpty();
        assertThat(listed(setup, "?include_replayed=true"))
                .allSatisfy(row -> assertThat(row.get("replayed_at").isNull()).isFalse());
    }

    @Test
    void returnsAReplayedMessageThatFailsAgainToTheDeadLetters() {
        Setup setup = twoDeadMessages();
        SEGMENT.script(setup.key(), Reply.status(400));

        Answer replay = api().post(setup.deadLetters() + "/replay", "{}");

        assertThat(replay.body().get("count").asInt()).isEqualTo(2);
        List<JsonNode> deadAgain = listed(setup, "");
        assertThat(deadAgain).hasSize(2);
        assertThat(deadAgain)
                .allSatisfy(row -> assertThat(row.get("http_status").asInt()).isEqualTo(400));
    }

    @Test
    void showsNoDeadLettersOfAnotherWorkspace() {
        Setup setup = twoDeadMessages();

        List<JsonNode> rows = new ArrayList<>();
        api().get("/api/v1/workspaces/" + newWorkspaceId() + "/dead-letters")
                .body()
                .get("dead_letters")
                .forEach(rows::add);

        assertThat(rows).isEmpty();
        assertThat(listed(setup, "")).hasSize(2);
    }
}
