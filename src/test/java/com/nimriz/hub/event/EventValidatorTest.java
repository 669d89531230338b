package com.nimriz.hub.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.event.EventVerdict.Invalid;
import com.nimriz.hub.event.EventVerdict.Reason;
import com.nimriz.hub.event.EventVerdict.Valid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventValidator validator = new EventValidator(JSON);

    @Nested
    class ValidEvents {

        @Test
        void keepsKnownFieldsInTheirCanonicalFormAndDropsUnknownOnes() {
            ObjectNode event = linkClicked();
            event.put("country", "us");
            event.put("revenue", 12.5);
            event.put("is_bot", true);
            event.put("favourite_colour", "blue");

            CanonicalEvent valid = validOf(event);

            assertThat(valid.eventId()).isEqualTo("evt_1");
            assertThat(valid.eventType()).isEqualTo(EventType.LINK_CLICKED);
            assertThat(valid.workspaceId()).isEqualTo("ws_acme");
            assertThat(valid.occurredAt()).isEqualTo(Instant.parse("2026-12-03T10:15:30Z"));
            assertThat(valid.value(CanonicalField.COUNTRY)).isEqualTo("US");
            assertThat(valid.value(CanonicalField.REVENUE)).isEqualTo(new BigDecimal("12.5"));
            assertThat(valid.value(CanonicalField.IS_BOT)).isEqualTo(true);
            assertThat(valid.fields()).hasSize(7);
        }

        @Test
        void readsTimestampsWithAnyOffsetAsTheSameInstant() {
            ObjectNode event = linkClicked().put("occurred_at", "2026-12-03t11:15:30.250+01:00");

            CanonicalEvent valid = validOf(event);

            assertThat(valid.occurredAt()).isEqualTo(Instant.parse("2026-12-03T10:15:30.250Z"));
        }

        @Test
        void acceptsAConversionWithItsName() {
            ObjectNode event =
                    linkClicked().put("event_type", "conversion").put("conversion_name", "Signup");

            assertThat(validOf(event).eventType()).isEqualTo(EventType.CONVERSION);
        }

        @Test
        void neverShowsFieldValuesInItsTextForm() {
            ObjectNode event = linkClicked().put("customer_email", "ada@example.com");

            assertThat(validOf(event).toString()).doesNotContain("ada@example.com");
        }
    }

    @Nested
    class InvalidEvents {

        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "{\"event_id\":", "[1,2]", "\"text\"", "{} {}"})
        void refusesRecordsThatAreNotOneJsonObject(String record) {
            EventVerdict verdict = validator.validate(record.getBytes(StandardCharsets.UTF_8));

            assertThat(verdict).isInstanceOf(Invalid.class);
            assertThat(((Invalid) verdict).reason()).isEqualTo(Reason.NOT_JSON);
        }

        @ParameterizedTest
        @ValueSource(strings = {"event_id", "event_type", "occurred_at", "workspace_id"})
        void refusesAnEventWithoutARequiredField(String field) {
            ObjectNode event = linkClicked();
            event.remove(field);

            assertThat(reasonOf(event)).isEqualTo(Reason.MISSING_FIELD);
            assertThat(detailOf(event)).contains(field);
        }

        @Test
        void treatsANullOrBlankRequiredFieldAsMissing() {
            assertThat(reasonOf(linkClicked().putNull("workspace_id")))
                    .isEqualTo(Reason.MISSING_FIELD);
            assertThat(reasonOf(linkClicked().put("event_id", " ")))
                    .isEqualTo(Reason.MISSING_FIELD);
        }

        @ParameterizedTest
        @CsvSource({
            "is_bot, \"yes\"",
            "revenue, \"12\"",
            "country, \"USA\"",
            "currency, 978",
            "device_category, \"phone\"",
            "occurred_at, \"yesterday\"",
            "occurred_at, \"2026-12-03T10:15:30\"",
            "ip, \"not-an-ip\"",
            "ip, \"999.1.1.1\"",
            "short_url, 42",
            "event_id, 7"
        })
        void refusesAFieldOfTheWrongType(String field, String json) throws Exception {
            ObjectNode event = linkClicked();
            event.set(field, JSON.readTree(json));

            assertThat(reasonOf(event)).isEqualTo(Reason.WRONG_TYPE);
            assertThat(detailOf(event)).contains(field);
        }

        @Test
        void refusesAnEventIdLongerThan128Characters() {
            ObjectNode event = linkClicked().put("event_id", "e".repeat(129));

            assertThat(reasonOf(event)).isEqualTo(Reason.WRONG_TYPE);
        }

        @Test
        void refusesAnUnknownEventType() {
            assertThat(reasonOf(linkClicked().put("event_type", "page_viewed")))
                    .isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
        }

        @Test
        void refusesAConversionWithoutItsName() {
            assertThat(reasonOf(linkClicked().put("event_type", "conversion")))
                    .isEqualTo(Reason.MISSING_CONVERSION_NAME);
        }

        @Test
        void neverRepeatsAnIpAddressInItsReason() {
            ObjectNode event = linkClicked().put("ip", "203.0.113.7.1");

            assertThat(detailOf(event)).doesNotContain("203.0.113");
        }
    }

    private static ObjectNode linkClicked() {
        return JSON.createObjectNode()
                .put("event_id", "evt_1")
                .put("event_type", "link_clicked")
                .put("occurred_at", "2026-12-03T10:15:30Z")
                .put("workspace_id", "ws_acme");
    }

    private CanonicalEvent validOf(ObjectNode event) {
        EventVerdict verdict = validator.validate(event);
        assertThat(verdict).isInstanceOf(Valid.class);
        return ((Valid) verdict).event();
    }

    private Reason reasonOf(ObjectNode event) {
        EventVerdict verdict = validator.validate(event);
        assertThat(verdict).isInstanceOf(Invalid.class);
        return ((Invalid) verdict).reason();
    }

    private String detailOf(ObjectNode event) {
        return ((Invalid) validator.validate(event)).detail();
    }
}
