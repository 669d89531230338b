package com.nimriz.hub.segment;

import static com.nimriz.hub.segment.SegmentDeliveryIT.writeKey;
import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient.Answer;
import com.nimriz.hub.support.HubFixtures;
import com.nimriz.hub.support.SegmentStandIn.BatchRequest;
import com.nimriz.hub.support.SegmentStandIn.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Payload preview and send test of an action, against the hub's own delivery path. */
class ActionToolsIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Setup(String ws, String key, String destination, String action) {

        String base() {
            return "/api/v1/workspaces/"
                    + ws
                    + "/destinations/"
                    + destination
                    + "/actions/"
                    + action;
        }
    }

    /** A professional workspace with a US destination and a disabled action on clicks. */
    private Setup setup() {
        String ws = newWorkspaceId();
        String key = writeKey();
        HubFixtures fixtures = new HubFixtures(api());
        fixtures.workspace(ws, "professional", false);
        String destination = fixtures.destination(ws, "us", key);
        Answer action =
                api().post(
                                "/api/v1/workspaces/"
                                        + ws
                                        + "/destinations/"
                                        + destination
                                        + "/actions",
                                "{\"name\":\"Clicks\",\"trigger\":{\"event_types\":"
                                        + "[\"link_clicked\"]},\"mapping\":{\"rename\":"
                                        + "{\"short_url\":\"link\"},\"static\":"
                                        + "{\"source\":\"nimriz\"}}}");
        return new Setup(ws, key, destination, action.body().get("id").asText());
    }

    private static String click(String ws, String eventId) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\","
                + "\"ip\":\"192.0.2.40\",\"country\":\"US\",\"short_url\":\"https://nmz.io/p\","
                + "\"destination_url\":\"https://shop.example.com/x?email=a@b.c\"}";
    }

    @Nested
    class Preview {

        @Test
        void showsExactlyWhatDeliverySendsOnceTheActionIsEnabled() {
            Setup setup = setup();
            String event = click(setup.ws(), "pv-1");

            Answer preview = api().post(setup.base() + "/preview", "{\"event\":" + event + "}");
            api().patch(setup.base(), "{\"enabled\":true}");
            String topic = properties.topics().events();
            kafka().produce(topic, List.of(record(topic, setup.ws(), event)));
            await().atMost(WAIT).until(() -> SEGMENT.accepted(setup.key()).size() >= 1);

            assertThat(preview.status()).isEqualTo(200);
            JsonNode body = preview.body();
            assertThat(body.get("matched").asBoolean()).isTrue();
            assertThat(body.get("skip_reason").isNull()).isTrue();
            JsonNode request = body.get("request");
            assertThat(request.get("method").asText()).isEqualTo("POST");
            assertThat(request.get("url").asText()).isEqualTo(SEGMENT.usEndpoint() + "/batch");
            assertThat(request.get("headers").get("Authorization").asText())
                    .isEqualTo("Basic ********");
            BatchRequest sent = SEGMENT.batches(setup.key()).get(0);
            ObjectNode previewed = (ObjectNode) request.get("body").deepCopy();
            ObjectNode delivered = (ObjectNode) sent.body().deepCopy();
            previewed.remove("sentAt");
            delivered.remove("sentAt");
            assertThat(previewed).isEqualTo(delivered);
            assertThat(body.get("message")).isEqualTo(sent.messages().get(0));
        }

        @Test
        void saysWhyAnEventDoesNotMatch() {
            Setup setup = setup();

            Answer preview =
                    api().post(setup.base() + "/preview", "{\"event_type\":\"qr_scanned\"}");

            assertThat(preview.status()).isEqualTo(200);
            assertThat(preview.body().get("matched").asBoolean()).isFalse();
            assertThat(preview.body().get("skip_reason").asText())
                    .isEqualTo("event_type_not_selected");
            assertThat(preview.body().get("message").get("event").asText()).isEqualTo("QR Scanned");
        }

        @Test
        void usesABuiltInSampleOfTheGivenType() {
            Setup setup = setup();

            Answer preview =
                    api().post(setup.base() + "/preview", "{\"event_type\":\"conversion\"}");

            assertThat(preview.body().get("message").get("event").asText()).isEqualTo("Signup");
            assertThat(preview.body().get("message").get("properties").get("revenue").asDouble())
                    .isEqualTo(49.9);
        }

        @Test
        void refusesAnInvalidEventWithTheReason() {
            Setup setup = setup();

            Answer preview =
                    api().post(setup.base() + "/preview", "{\"event\":{\"event_id\":\"x\"}}");

            assertThat(preview.status()).isEqualTo(422);
            assertThat(preview.body().get("error").asText()).isEqualTo("invalid_event");
            assertThat(preview.body().get("message").asText()).contains("event_type");
        }

        @Test
        void refusesAnEmptyRequest() {
            Setup setup = setup();

            assertThat(api().post(setup.base() + "/preview", "{}").status()).isEqualTo(400);
        }

        @Test
        void answers404ForAnotherWorkspacesAction() {
            Setup mine = setup();
            Setup theirs = setup();

            Answer preview =
                    api().post(
                                    "/api/v1/workspaces/"
                                            + mine.ws()
                                            + "/destinations/"
                                            + theirs.destination()
                                            + "/actions/"
                                            + theirs.action()
                                            + "/preview",
                                    "{\"event_type\":\"link_clicked\"}");

            assertThat(preview.status()).isEqualTo(404);
        }
    }

    @Nested
    class SendTest {

        @Test
        void deliversOneMarkedTestMessageThroughADisabledAction() {
            Setup setup = setup();

            Answer test = api().post(setup.base() + "/test", null);

            assertThat(test.status()).isEqualTo(200);
            assertThat(test.body().get("delivered").asBoolean()).isTrue();
            assertThat(test.body().get("status").asInt()).isEqualTo(200);
            assertThat(test.body().get("write_key_verified").asBoolean()).isTrue();
            JsonNode sent = SEGMENT.accepted(setup.key()).get(0);
            assertThat(sent.get("anonymousId").asText()).startsWith("test-");
            assertThat(sent.get("messageId").asText()).startsWith("nmz-test-");
            assertThat(sent.get("properties").get("nimriz_test").asBoolean()).isTrue();
            assertThat(sent.get("properties").get("link").asText()).isNotEmpty();
            assertThat(test.body().get("message")).isEqualTo(sent);
        }

        @Test
        void sendsNothingWhenTheSettingsCdnNoLongerKnowsTheWriteKey() {
            Setup setup = setup();
            SEGMENT.forgetKey(setup.key());

            Answer test = api().post(setup.base() + "/test", null);

            assertThat(test.body().get("delivered").asBoolean()).isFalse();
            assertThat(test.body().get("write_key_verified").asBoolean()).isFalse();
            assertThat(test.body().get("error").asText()).contains("does not know this write key");
            assertThat(SEGMENT.batches(setup.key())).isEmpty();
        }

        @Test
        void reportsAPayloadSegmentRejected() {
            Setup setup = setup();
            SEGMENT.script(setup.key(), Reply.status(400));

            Answer test = api().post(setup.base() + "/test", "{\"event_type\":\"link_clicked\"}");

            assertThat(test.body().get("delivered").asBoolean()).isFalse();
            assertThat(test.body().get("status").asInt()).isEqualTo(400);
            assertThat(test.body().get("error").asText()).contains("rejected the payload");
        }

        @Test
        void reportsASegmentThatCannotBeReached() {
            Setup setup = setup();
            SEGMENT.script(setup.key(), Reply.connectionReset());

            Answer test = api().post(setup.base() + "/test", null);

            assertThat(test.body().get("delivered").asBoolean()).isFalse();
            assertThat(test.body().get("status").isNull()).isTrue();
            assertThat(test.body().get("error").asText()).contains("could not be reached");
        }
    }
}
