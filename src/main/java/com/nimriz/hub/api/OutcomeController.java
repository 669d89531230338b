package com.nimriz.hub.api;

import com.nimriz.hub.Refusal;
import com.nimriz.hub.destination.ActionService;
import com.nimriz.hub.outcome.DeliveryLog;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log of an action and the trace of one event (SPEC section 6). */
@RestController
class OutcomeController {

    static final int MAX_DELIVERIES = 500;

    private final DeliveryLog log;

    private final ActionService actions;

    OutcomeController(DeliveryLog log, ActionService actions) {
        this.log = log;
        this.actions = actions;
    }

    /** One line of the delivery log or of a trace. */
    record Step(
            String eventId,
            String destinationId,
            String actionId,
            String messageId,
            String outcome,
            String reason,
            Integer httpStatus,
            int attempts,
            String error,
            Instant time) {

        static Step of(DeliveryLog.Entry e) {
            return new Step(
                    e.eventId(),
                    e.destinationId(),
                    e.actionId(),
                    e.messageId(),
                    e.outcome().name().toLowerCase(),
                    e.reason(),
                    e.httpStatus(),
                    e.attempts(),
                    e.error(),
                    e.loggedAt());
        }
    }

    /** The latest outcomes of an action, newest first. */
    record Deliveries(List<Step> deliveries) {}

    /** Everything that happened to one event, oldest first. */
    record Trace(String workspaceId, String eventId, List<Step> steps) {}

    @GetMapping(
            "/api/v1/workspaces/{workspaceId}/destinations/{destinationId}/actions/{actionId}"
                    + "/deliveries")
    Deliveries deliveries(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @PathVariable String actionId,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw Refusal.badRequest("limit must be between 1 and " + MAX_DELIVERIES + ".");
        }
        actions.get(workspaceId, destinationId, actionId);
        return new Deliveries(log.ofAction(actionId, limit).stream().map(Step::of).toList());
    }

    @GetMapping("/api/v1/workspaces/{workspaceId}/events/{eventId}/trace")
    Trace trace(@PathVariable String workspaceId, @PathVariable String eventId) {
        List<Step> steps = log.ofEvent(workspaceId, eventId).stream().map(Step::of).toList();
        if (steps.isEmpty()) {
            throw Refusal.notFound(
                    "event_not_found",
                    "The hub has no record of event "
                            + eventId
                            + " in workspace "
                            + workspaceId
                            + "; records are kept for hub.delivery.log-retention.");
        }
        return new Trace(workspaceId, eventId, steps);
    }
}
