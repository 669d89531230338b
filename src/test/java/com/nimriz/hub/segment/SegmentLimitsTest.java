package com.nimriz.hub.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptsAnOrdinaryTrackMessage() {
        ObjectNode message = trackMessage();

        assertThat(SegmentLimits.violation(message, JSON)).isEmpty();
    }

    @Test
    void statesSegmentsLimitsInTheirUnits() {
        assertThat(SegmentLimits.MAX_MESSAGE_BYTES).isEqualTo(32_768);
        assertThat(SegmentLimits.MAX_BATCH_BYTES).isEqualTo(512_000);
        assertThat(SegmentLimits.MAX_BATCH_MESSAGES).isEqualTo(2_500);
        assertThat(SegmentLimits.MAX_MESSAGE_ID_LENGTH).isEqualTo(100);
    }

    @Nested
    class Event {

        @Test
        void refusesAMessageWithoutEvent() {
            ObjectNode message = trackMessage();
            message.remove("event");

            assertThat(SegmentLimits.violation(message, JSON)).contains("event_missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t"})
        void refusesAnEmptyOrBlankEvent(String event) {
            ObjectNode message = trackMessage().put("event", event);

            assertThat(SegmentLimits.violation(message, JSON)).contains("event_missing");
        }

        @Test
        void refusesAnEventThatIsNullOrNotText() {
            ObjectNode nullEvent = trackMessage().putNull("event");
            ObjectNode numberEvent = trackMessage();
            numberEvent.set("event", IntNode.valueOf(7));

            assertThat(SegmentLimits.violation(nullEvent, JSON)).contains("event_missing");
            assertThat(SegmentLimits.violation(numberEvent, JSON)).contains("event_missing");
        }
    }

    @Nested
    class AnonymousId {

        @Test
        void refusesAMessageWithoutAnonymousId() {
            ObjectNode message = trackMessage();
            message.remove("anonymousId");

            assertThat(SegmentLimits.violation(message, JSON)).contains("anonymous_id_missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void refusesAnEmptyOrBlankAnonymousId(String anonymousId) {
            ObjectNode message = trackMessage().put("anonymousId", anonymousId);

            assertThat(SegmentLimits.violation(message, JSON)).contains("anonymous_id_missing");
        }

        @Test
        void refusesANullAnonymousId() {
            ObjectNode message = trackMessage().putNull("anonymousId");

            assertThat(SegmentLimits.violation(message, JSON)).contains("anonymous_id_missing");
        }
    }

    @Nested
    class MessageId {

        @Test
        void acceptsAMessageIdOfExactly100Characters() {
            ObjectNode message = trackMessage().put("messageId", "m".repeat(100));

            assertThat(SegmentLimits.violation(message, JSON)).isEmpty();
        }

        @Test
        void refusesAMessageIdOf101Characters() {
            ObjectNode message = trackMessage().put("messageId", "m".repeat(101));

            assertThat(SegmentLimits.violation(message, JSON)).contains("message_id_too_long");
        }

        @Test
        void countsCharactersNotUtf16Units() {
            ObjectNode message = trackMessage().put("messageId", "\uD83D\uDE00".repeat(100));

            assertThat(SegmentLimits.violation(message, JSON)).isEmpty();
        }
    }

    @Nested
    class Size {

        @Test
        void acceptsAMessageOfExactly32Kilobytes() {
            ObjectNode message = paddedTo(SegmentLimits.MAX_MESSAGE_BYTES);

            assertThat(serializedBytes(message)).isEqualTo(32 * 1024);
            assertThat(SegmentLimits.violation(message, JSON)).isEmpty();
        }

        @Test
        void refusesAMessageOneByteOver32Kilobytes() {
            ObjectNode message = paddedTo(SegmentLimits.MAX_MESSAGE_BYTES + 1);

            assertThat(serializedBytes(message)).isEqualTo(32 * 1024 + 1);
            assertThat(SegmentLimits.violation(message, JSON)).contains("message_too_large");
        }

        @Test
        void measuresUtf8BytesNotCharacters() {
            ObjectNode message = trackMessage();
            message.withObject("/properties").put("note", "\u00e9".repeat(17_000));

            assertThat(message.toString().length()).isLessThan(SegmentLimits.MAX_MESSAGE_BYTES);
            assertThat(SegmentLimits.violation(message, JSON)).contains("message_too_large");
        }

        @Test
        void measuresWhatTheGivenObjectMapperWrites() {
            ObjectMapper indenting = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode message = trackMessage();

            int compact = SegmentLimits.serializedBytes(message, JSON);
            int indented = SegmentLimits.serializedBytes(message, indenting);

            assertThat(compact)
                    .isEqualTo(message.toString().getBytes(StandardCharsets.UTF_8).length);
            assertThat(indented).isGreaterThan(compact);
        }

        /** The track message with a padding property that makes it exactly this many bytes. */
        private ObjectNode paddedTo(int bytes) {
            ObjectNode message = trackMessage();
            ObjectNode properties = message.withObject("/properties");
            properties.put("padding", "");
            int missing = bytes - serializedBytes(message);
            properties.put("padding", "x".repeat(missing));
            return message;
        }
    }

    @Test
    void reportsTheFirstBrokenLimitOnly() {
        ObjectNode message = trackMessage().put("event", "").put("messageId", "m".repeat(101));
        message.remove("anonymousId");

        assertThat(SegmentLimits.violation(message, JSON)).contains("event_missing");
    }

    private static int serializedBytes(JsonNode message) {
        return SegmentLimits.serializedBytes(message, JSON);
    }

    private static ObjectNode trackMessage() {
        ObjectNode message =
                JSON.createObjectNode()
                        .put("type", "track")
                        .put("event", "Link Clicked")
                        .put("anonymousId", "c6a965f4d19d48204645672a33bcd730")
                        .put("messageId", "nmz-d05de6312859ce3d4c5c8aafd9cd6677c1f3e1d5")
                        .put("timestamp", "2026-12-03T10:15:30.000Z");
        message.putObject("properties").put("link_id", "lnk_42");
        message.putObject("context")
                .putObject("library")
                .put("name", "nimriz-segment-hub")
                .put("version", "0.1.0");
        return message;
    }
}
