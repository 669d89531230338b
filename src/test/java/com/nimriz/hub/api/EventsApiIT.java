package com.nimriz.hub.api;

import static com.nimriz.hub.support.KafkaTestClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient.Answer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/events}: valid events appended to the events topic, invalid refused. */
class EventsApiIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Long enough for accepted events to show up, and to be sure a refused one does not. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    @Test
    void appendsValidEventsKeyedByWorkspaceAndRefusesInvalidOnesWithTheirReason() throws Exception {
        String ws = newWorkspaceId();
        String body =
                "["
                        + linkClicked(ws, "a1")
                        + ","
                        + linkClicked(ws, "a2")
                        + ","
                        + "{\"event_id\":\"a3\",\"event_type\":\"conversion\",\"occurred_at\":"
                        + "\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                        + ws
                        + "\"}]";

        Answer answer = api().post("/api/v1/events", body);

        assertThat(answer.status()).isEqualTo(202);
        JsonNode results = answer.body().get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(results.get(1).get("accepted").asBoolean()).isTrue();
        assertThat(results.get(2).get("event_id").asText()).isEqualTo("a3");
        assertThat(results.get(2).get("accepted").asBoolean()).isFalse();
        assertThat(results.get(2).get("reason").asText()).isEqualTo("missing_conversion_name");
        assertThat(results.get(2).get("error").asText()).contains("conversion_name");
        List<ConsumerRecord<String, byte[]>> written =
                kafka().readUntil(properties.topics().events(), r -> ws.equals(r.key()), 3, SETTLE);
        assertThat(written)
                .extracting(r -> JSON.readTree(text(r)).get("event_id").asText())
                .containsExactlyInAnyOrder("a1", "a2");
    }

    @Test
    void acceptsASingleEventObject() {
        String ws = newWorkspaceId();

        Answer answer = api().post("/api/v1/events", linkClicked(ws, "single"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("results").get(0).get("accepted").asBoolean()).isTrue();
    }

    @Test
    void answers400WithEveryReasonWhenNoEventIsAccepted() {
        String body = "[{\"event_id\":\"b1\"}, 42]";

        Answer answer = api().post("/api/v1/events", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("no_event_accepted");
        assertThat(answer.body().get("results"))
                .extracting(r -> r.get("reason").asText())
                .containsExactly("missing_field", "not_json");
        assertThat(
                        kafka().readUntil(
                                        properties.topics().events(),
                                        r -> text(r) != null && text(r).contains("\"b1\""),
                                        1,
                                        SETTLE))
                .isEmpty();
    }

    @Test
    void refusesABodyThatIsNotJsonOrEmpty() {
        assertThat(api().post("/api/v1/events", "{oops").status()).isEqualTo(400);
        assertThat(api().post("/api/v1/events", "[]").status()).isEqualTo(400);
        assertThat(api().post("/api/v1/events", "[]").body().get("error").asText())
                .isEqualTo("invalid_body");
    }

    @Test
    void refusesMoreThanAThousandEventsInOneCall() {
        String event = linkClicked(newWorkspaceId(), "many");
        String body = "[" + String.join(",", java.util.Collections.nCopies(1001, event)) + "]";

        Answer answer = api().post("/api/v1/events", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("error").asText()).isEqualTo("too_many_events");
    }

    @Test
    void needsTheBearerToken() {
        Answer answer = api().withToken(null).post("/api/v1/events", linkClicked("ws", "x"));

        assertThat(answer.status()).isEqualTo(401);
    }

    private static String linkClicked(String ws, String eventId) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\"}";
    }
}
