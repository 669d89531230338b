package com.nimriz.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntheticIdsTest {

    @Test
    void matchesTheSpecTestVectorForAnEventWithoutClickId() {
        CanonicalEvent event = linkClicked("evt_1");

        String id = SyntheticIds.of(event);

        assertThat(id).isEqualTo("6e2c7645-7b00-3032-9333-9d1c8bf5e972");
    }

    @Test
    void isTheEventsClickIdWhenItHasOne() {
        CanonicalEvent event = linkClicked("evt_1", "clk_9f2c");

        String id = SyntheticIds.of(event);

        assertThat(id).isEqualTo("clk_9f2c");
    }

    @Test
    void treatsABlankClickIdAsMissing() {
        CanonicalEvent event = linkClicked("evt_1", " ");

        String id = SyntheticIds.of(event);

        assertThat(id).isEqualTo("6e2c7645-7b00-3032-9333-9d1c8bf5e972");
    }

    @Test
    void isANameBasedUuidInLowercaseText() {
        String id = SyntheticIds.ofEventId("evt_2");

        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void differsBetweenEvents() {
        String first = SyntheticIds.ofEventId("evt_1");

        String second = SyntheticIds.ofEventId("evt_2");

        assertThat(second).isNotEqualTo(first);
    }

    private static CanonicalEvent linkClicked(String eventId) {
        return new CanonicalEvent(fields(eventId));
    }

    private static CanonicalEvent linkClicked(String eventId, String clickId) {
        Map<CanonicalField, Object> fields = fields(eventId);
        fields.put(CanonicalField.CLICK_ID, clickId);
        return new CanonicalEvent(fields);
    }

    private static Map<CanonicalField, Object> fields(String eventId) {
        Map<CanonicalField, Object> fields = new EnumMap<>(CanonicalField.class);
        fields.put(CanonicalField.EVENT_ID, eventId);
        fields.put(CanonicalField.EVENT_TYPE, "link_clicked");
        fields.put(CanonicalField.OCCURRED_AT, Instant.parse("2026-12-03T10:15:30Z"));
        fields.put(CanonicalField.WORKSPACE_ID, "ws_acme");
        return fields;
    }
}
