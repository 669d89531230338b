package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A message the hub gave up on, as written to the dead topic (SPEC section 5). */
public record DeadLetter(
        String destinationId,
        String workspaceId,
        String actionId,
        String eventId,
        String messageId,
        String reason,
        Integer status,
        String responseBody,
        int attempts,
        Instant firstAttemptAt,
        Instant deadAt,
        ObjectNode message) {

    static DeadLetter of(
            Delivery delivery, String reason, Integer status, String body, Instant now) {
        return new DeadLetter(
                delivery.destinationId(),
                delivery.workspaceId(),
                delivery.actionId(),
                delivery.eventId(),
                delivery.messageId(),
                reason,
                status,
                body,
                delivery.attempts(),
                delivery.firstAttemptAt(),
                now,
                delivery.message());
    }

    @Override
    public String toString() {
        return "DeadLetter[" + destinationId + "/" + messageId + ": " + reason + "]";
    }
}
