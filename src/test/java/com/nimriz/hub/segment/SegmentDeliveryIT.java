package com.nimriz.hub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.privacy.IpHash;
import com.nimriz.hub.privacy.SaltStore;
import com.nimriz.hub.support.HubFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events from Kafka reach a real HTTP server playing Segment, shaped as SPEC section 3 says. */
class SegmentDeliveryIT extends HubIntegrationTest {

    @Autowired private SaltStore salts;

    @Test
    void deliversAMatchingClickAsATrackCallWithTheDailyIpHash() {
        Wiring wiring = clickDestination("us");
        String ws = wiring.ws();
        String key = wiring.key();
        String action = wiring.action();

        produceEvents(ws, linkClicked(ws, "evt-a", "203.0.113.7"));

        List<JsonNode> accepted = awaitAccepted(key, 1);
        JsonNode message = accepted.get(0);
        byte[] salt = salts.saltFor(LocalDate.of(2026, 12, 3)).orElseThrow();
        assertThat(message.get("type").asText()).isEqualTo("track");
        assertThat(message.get("event").asText()).isEqualTo("Link Clicked");
        assertThat(message.get("messageId").asText()).isEqualTo(MessageIds.of(ws, action, "evt-a"));
        assertThat(message.get("anonymousId").asText()).isEqualTo(IpHash.of(salt, "203.0.113.7"));
        assertThat(message.get("timestamp").asText()).isEqualTo("2026-12-03T10:00:00.000Z");
        assertThat(message.get("properties").get("country").asText()).isEqualTo("US");
        assertThat(SEGMENT.batches(key).get(0).region()).isEqualTo("us");
        assertThat(SEGMENT.violations()).isEmpty();
    }

    @Test
    void sendsToTheEuEndpointForAnEuDestination() {
        String ws = newWorkspaceId();
        String key = writeKey();
        HubFixtures setup = new HubFixtures(api());
        setup.workspace(ws, "enterprise", false);
        String destination = setup.destination(ws, "eu", key);
        setup.enabledAction(ws, destination, HubFixtures.actionOn("link_clicked"));

        produceEvents(ws, linkClicked(ws, "evt-eu", "203.0.113.9"));

        awaitAccepted(key, 1);
        assertThat(SEGMENT.batches(key)).allSatisfy(b -> assertThat(b.region()).isEqualTo("eu"));
    }

    static String writeKey() {
        return "wk" + UUID.randomUUID().toString().replace("-", "");
    }

    static String linkClicked(String ws, String eventId, String ip) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\","
                + "\"ip\":\""
                + ip
                + "\",\"country\":\"US\",\"short_url\":\"https://nmz.io/a\"}";
    }
}
