package com.nimriz.hub.privacy;

import static com.nimriz.hub.support.KafkaTestClient.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.ApiClient;
import com.nimriz.hub.support.ApiClient.Answer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the hub logs while handling write keys and PII-laden events holds neither. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIT extends HubIntegrationTest {

    private static final String EMAIL = "grace.hopper@example.org";

    private static final String IP = "198.51.100.23";

    private static final String USER_AGENT = "Mozilla/5.0 (SecretBrowser 99.1)";

    private static final String REFERRER = "https://mail.example.org/inbox?msg=84721";

    private static final String CUSTOMER_ID = "cust-7733-secret";

    @Test
    void neverLogsAWriteKeyWhateverTheCdnSays(CapturedOutput output) {
        String ws = newWorkspaceId();
        ApiClient api = api();
        api.put("/api/v1/workspaces/" + ws, "{\"plan\":\"professional\"}");
        String verified = "wkVerifiedZq81xYt5";
        String unknown = "unknownKeyPq27Lm0";
        String unreachable = "unreachableKeyRt93";
        String broken = "brokenKeyHh45Nn2";

        Answer created = createDestination(api, ws, "verified", verified);
        createDestination(api, ws, "unknown", unknown);
        createDestination(api, ws, "unreachable", unreachable);
        createDestination(api, ws, "broken", broken);
        api.patch(
                "/api/v1/workspaces/" + ws + "/destinations/" + created.body().get("id").asText(),
                "{\"write_key\":\"wkRotatedKey7788\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(output.getAll())
                .doesNotContain(verified, unknown, unreachable, broken, "wkRotatedKey7788");
    }

    @Test
    void neverLogsPiiOfEventsTakenInThroughKafkaOrTheApi(CapturedOutput output) {
        String ws = newWorkspaceId();
        String valid = event(ws, "pii-1", "link_clicked", IP);
        String invalidType = event(ws, "pii-2", "page_viewed", IP);
        String invalidIp = event(ws, "pii-3", "link_clicked", "not-an-ip " + IP);
        String topic = properties.topics().events();

        kafka().produce(
                        topic,
                        List.of(
                                record(topic, ws, valid),
                                record(topic, ws, invalidType),
                                record(topic, ws, invalidIp)));
        api().post("/api/v1/events", "[" + valid + "," + invalidType + "," + invalidIp + "]");

        assertThat(
                        kafka().readUntil(
                                        properties.topics().invalid(),
                                        r -> ws.equals(r.key()),
                                        2,
                                        Duration.ofSeconds(30)))
                .hasSize(2);
        assertThat(output.getAll()).doesNotContain(EMAIL, IP, USER_AGENT, REFERRER, CUSTOMER_ID);
    }

    private static Answer createDestination(ApiClient api, String ws, String name, String key) {
        return api.post(
                "/api/v1/workspaces/" + ws + "/destinations",
                "{\"type\":\"segment\",\"name\":\""
                        + name
                        + "\",\"region\":\"us\","
                        + "\"write_key\":\""
                        + key
                        + "\"}");
    }

    private static String event(String ws, String eventId, String type, String ip) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\""
                + type
                + "\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\","
                + "\"ip\":\""
                + ip
                + "\",\"user_agent\":\""
                + USER_AGENT
                + "\","
                + "\"referrer_url\":\""
                + REFERRER
                + "\",\"customer_email\":\""
                + EMAIL
                + "\","
                + "\"customer_id\":\""
                + CUSTOMER_ID
                + "\"}";
    }
}
