package com.nimriz.hub.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Limits past which Segment answers 200 but drops the message (SPEC section 3). */
public final class SegmentLimits {

    public static final int MAX_MESSAGE_BYTES = 32 * 1024;

    public static final int MAX_BATCH_BYTES = 500 * 1024;

    public static final int MAX_BATCH_MESSAGES = 2500;

    public static final int MAX_MESSAGE_ID_LENGTH = 100;

    public static final String EVENT_MISSING = "event_missing";

    public static final String ANONYMOUS_ID_MISSING = "anonymous_id_missing";

    public static final String MESSAGE_ID_TOO_LONG = "message_id_too_long";

    public static final String MESSAGE_TOO_LARGE = "message_too_large";

    private SegmentLimits() {}

    /** The first limit the message breaks, as a reason for the dead letter, or empty. */
    public static Optional<String> violation(ObjectNode message, ObjectMapper json) {
        // Blank counts as missing: Segment would keep it, but no one could use such a message.
        if (!hasText(message.get("event"))) {
            return Optional.of(EVENT_MISSING);
        }
        if (!hasText(message.get("anonymousId"))) {
            return Optional.of(ANONYMOUS_ID_MISSING);
        }
        JsonNode messageId = message.get("messageId");
        if (messageId != null
                && messageId.isTextual()
                && characters(messageId.textValue()) > MAX_MESSAGE_ID_LENGTH) {
            return Optional.of(MESSAGE_ID_TOO_LONG);
        }
        if (serializedBytes(message, json) > MAX_MESSAGE_BYTES) {
            return Optional.of(MESSAGE_TOO_LARGE);
        }
        return Optional.empty();
    }

    /** The size of the message as it goes on the wire, in UTF-8 bytes. */
    public static int serializedBytes(JsonNode message, ObjectMapper json) {
        try {
            return json.writeValueAsBytes(message).length;
        } catch (JsonProcessingException e) {
            // A tree of plain JSON nodes always serializes; this is not a property of the input.
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasText(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank();
    }

    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
