package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One Segment message on its way to one destination, with its delivery history. It travels in
 * memory and, when parked, as the value of a record on the retry topic.
 */
public record Delivery(
        String destinationId,
        String workspaceId,
        String actionId,
        String eventId,
        ObjectNode message,
        int attempts,
        Instant firstAttemptAt,
        Instant notBefore,
        Integer lastStatus,
        String lastError) {

    /** A message about to be tried for the first time. */
    public static Delivery first(
            String destinationId,
            String workspaceId,
            String actionId,
            String eventId,
            ObjectNode message,
            Instant now) {
        return new Delivery(
                destinationId, workspaceId, actionId, eventId, message, 0, now, now, null, null);
    }

    public String messageId() {
        return message.path("messageId").asText(null);
    }

    /** This delivery after one more failed attempt, not to be tried again before the time. */
    public Delivery failed(Instant notBefore, Integer status, String error) {
        return new Delivery(
                destinationId,
                workspaceId,
                actionId,
                eventId,
                message,
                attempts + 1,
                firstAttemptAt,
                notBefore,
                status,
                error);
    }

    @Override
    public String toString() {
        // The message carries visitor data: never let it reach a log line through toString.
        return "Delivery[" + destinationId + "/" + messageId() + "]";
    }
}
