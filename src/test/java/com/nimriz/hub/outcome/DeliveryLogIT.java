package com.nimriz.hub.outcome;

import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.segment.MessageIds;
import com.nimriz.hub.support.ApiClient.Answer;
import com.nimriz.hub.support.HubFixtures;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery log of an action and the trace of an event, read through the API. */
class DeliveryLogIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Setup(String ws, String key, String destination, String clicks, String scans) {

        String actionPath(String action) {
            return "/api/v1/workspaces/"
                    + ws
                    + "/destinations/"
                    + destination
                    + "/actions/"
                    + action;
        }
    }

    private Setup setup() {
        String ws = newWorkspaceId();
        String key = "wk" + UUID.randomUUID().toString().replace("-", "");
        HubFixtures fixtures = new HubFixtures(api());
        fixtures.workspace(ws, "professional", false);
        String destination = fixtures.destination(ws, "us", key);
        String clicks =
                fixtures.enabledAction(ws, destination, HubFixtures.actionOn("link_clicked"));
        String scans = fixtures.enabledAction(ws, destination, HubFixtures.actionOn("qr_scanned"));
        return new Setup(ws, key, destination, clicks, scans);
    }

    private void produce(Setup setup, String eventId) {
        String topic = properties.topics().events();
        String event =
                "{\"event_id\":\""
                        + eventId
                        + "\",\"event_type\":\"link_clicked\","
                        + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                        + setup.ws()
                        + "\",\"ip\":\"192.0.2.50\"}";
        kafka().produce(topic, List.of(record(topic, setup.ws(), event)));
    }

    private List<JsonNode> awaitDeliveries(Setup setup, String action, String lastOutcome) {
        return await().atMost(WAIT)
                .until(
                        () ->
                                list(
                                        api().get(setup.actionPath(action) + "/deliveries")
                                                .body()
                                                .get("deliveries")),
                        rows ->
                                !rows.isEmpty()
                                        && rows.get(0).get("outcome").asText().equals(lastOutcome));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        array.forEach(rows::add);
        return rows;
    }

    @Test
    void logsEachSentMessageWithItsMessageIdStatusAndAttempts() {
        Setup setup = setup();

        produce(setup, "log-1");

        JsonNode sent = awaitDeliveries(setup, setup.clicks(), "sent").get(0);
        assertThat(sent.get("event_id").asText()).isEqualTo("log-1");
        assertThat(sent.get("message_id").asText())
                .isEqualTo(MessageIds.of(setup.ws(), setup.clicks(), "log-1"));
        assertThat(sent.get("http_status").asInt()).isEqualTo(200);
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        assertThat(sent.get("time").asText()).isNotEmpty();
    }

    @Test
    void logsARetryBeforeTheDelivery() {
        Setup setup = setup();
        SEGMENT.script(setup.key(), Reply.status(503));

        produce(setup, "log-2");

        List<JsonNode> rows = awaitDeliveries(setup, setup.clicks(), "sent");
        assertThat(rows)
                .extracting(r -> r.get("outcome").asText())
                .containsExactly("sent", "retried");
        assertThat(rows.get(1).get("http_status").asInt()).isEqualTo(503);
    }

    @Test
    void logsADeadMessageWithTheStatusSegmentGave() {
        Setup setup = setup();
        SEGMENT.script(setup.key(), Reply.status(400));

        produce(setup, "log-3");

        JsonNode dead = awaitDeliveries(setup, setup.clicks(), "dead").get(0);
        assertThat(dead.get("http_status").asInt()).isEqualTo(400);
        assertThat(dead.get("reason").asText()).isEqualTo("rejected");
    }

    @Test
    void tracesAnEventThroughEveryAction() {
        Setup setup = setup();

        produce(setup, "trace-1");

        JsonNode trace =
                await().atMost(WAIT)
                        .until(
                                () ->
                                        api().get(
                                                        "/api/v1/workspaces/"
                                                                + setup.ws()
                                                                + "/events/trace-1/trace"),
                                answer ->
                                        answer.status() == 200
                                                && answer.body().get("steps").size() >= 2)
                        .body();
        List<JsonNode> steps = list(trace.get("steps"));
        assertThat(steps)
                .anySatisfy(
                        step -> {
                            assertThat(step.get("action_id").asText()).isEqualTo(setup.scans());
                            assertThat(step.get("outcome").asText()).isEqualTo("skipped");
                            assertThat(step.get("reason").asText())
                                    .isEqualTo("event_type_not_selected");
                        });
        assertThat(steps)
                .anySatisfy(
                        step -> {
                            assertThat(step.get("action_id").asText()).isEqualTo(setup.clicks());
                            assertThat(step.get("outcome").asText()).isEqualTo("sent");
                        });
    }

    @Test
    void answers404ForAnEventItHasNoRecordOf() {
        Answer answer = api().get("/api/v1/workspaces/" + newWorkspaceId() + "/events/none/trace");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("error").asText()).isEqualTo("event_not_found");
    }

    @Test
    void answers404ForTheDeliveriesOfAnotherWorkspacesAction() {
        Setup mine = setup();
        Setup theirs = setup();

        Answer answer =
                api().get(
                                "/api/v1/workspaces/"
                                        + mine.ws()
                                        + "/destinations/"
                                        + theirs.destination()
                                        + "/actions/"
                                        + theirs.clicks()
                                        + "/deliveries");

        assertThat(answer.status()).isEqualTo(404);
    }
}
