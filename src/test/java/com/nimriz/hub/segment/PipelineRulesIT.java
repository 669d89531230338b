package com.nimriz.hub.segment;

import static com.nimriz.hub.segment.SegmentDeliveryIT.writeKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.HubIntegrationTest;
import com.nimriz.hub.support.HubFixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The routing rules of the pipeline with everything real: plans, switches and triggers. */
class PipelineRulesIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired private MeterRegistry meters;

    @Test
    void suspendsDeliveryOnADowngradeAndResumesOnUpgrade() {
        Wiring wiring = clickDestination("us");
        String ws = wiring.ws();
        String key = wiring.key();
        HubFixtures setup = new HubFixtures(api());
        produceEvents(ws, click(ws, "before", "US", false));
        awaitAccepted(key, 1);
        double skippedBefore = skipped("plan_below_professional");

        setup.workspace(ws, "starter", false);
        produceEvents(ws, click(ws, "during", "US", false));
        await().atMost(WAIT).until(() -> skipped("plan_below_professional") > skippedBefore);
        setup.workspace(ws, "business", false);
        produceEvents(ws, click(ws, "after", "US", false));

        awaitAccepted(key, 2);
        assertThat(slugs(SEGMENT.accepted(key))).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void skipsEventsOfAnUnknownWorkspaceAndCountsThem() {
        String ws = newWorkspaceId();
        double before = skipped("unknown_workspace");

        produceEvents(ws, click(ws, "nobody", "US", false));

        await().atMost(WAIT).until(() -> skipped("unknown_workspace") > before);
    }

    @Test
    void sendsOnlyWhatTheTriggerAsksForAndSkipsBots() {
        String ws = newWorkspaceId();
        String key = writeKey();
        HubFixtures setup = new HubFixtures(api());
        setup.workspace(ws, "professional", false);
        String destination = setup.destination(ws, "us", key);
        setup.enabledAction(
                ws,
                destination,
                "{\"name\":\"US only\",\"trigger\":{\"event_types\":[\"link_clicked\"],"
                        + "\"conditions\":[{\"field\":\"country\",\"op\":\"in\","
                        + "\"value\":[\"US\"]}]}}");

        produceEvents(
                ws,
                click(ws, "us-human", "US", false),
                click(ws, "de-human", "DE", false),
                click(ws, "us-bot", "US", true));
        produceEvents(ws, click(ws, "us-marker", "US", false));

        awaitAccepted(key, 2);
        assertThat(slugs(SEGMENT.accepted(key))).containsExactlyInAnyOrder("us-human", "us-marker");
    }

    private static List<String> slugs(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("properties").get("slug").asText()).toList();
    }

    private static String click(String ws, String eventId, String country, boolean bot) {
        return "{\"event_id\":\""
                + eventId
                + "\",\"event_type\":\"link_clicked\","
                + "\"occurred_at\":\"2026-12-03T10:00:00Z\",\"workspace_id\":\""
                + ws
                + "\","
                + "\"slug\":\""
                + eventId
                + "\",\"country\":\""
                + country
                + "\","
                + "\"is_bot\":"
                + bot
                + ",\"ip\":\"192.0.2.20\"}";
    }

    private double skipped(String reason) {
        Counter counter = meters.find("nimriz.events.skipped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
