package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.Refusal;
import com.nimriz.hub.outcome.DeadLetters;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead messages of a workspace: listed and replayed with their original messageId. */
@RestController
class DeadLetterController {

    static final int MAX_LISTED = 500;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** One dead letter as the API shows it. */
    record View(
            long id,
            String destinationId,
            String actionId,
            String eventId,
            String messageId,
            String reason,
            Integer httpStatus,
            String responseBody,
            int attempts,
            Instant firstAttemptAt,
            Instant deadAt,
            Instant replayedAt,
            ObjectNode message) {

        static View of(DeadLetters.Stored stored) {
            var letter = stored.letter();
            return new View(
                    stored.id(),
                    letter.destinationId(),
                    letter.actionId(),
                    letter.eventId(),
                    letter.messageId(),
                    letter.reason(),
                    letter.status(),
                    letter.responseBody(),
                    letter.attempts(),
                    letter.firstAttemptAt(),
                    letter.deadAt(),
                    stored.replayedAt(),
                    letter.message());
        }
    }

    /** The list answer. */
    record Listing(List<View> deadLetters) {}

    /** The replay request: which dead letters, and whether only to count them. */
    record Replay(
            String destinationId, String actionId, Instant since, Instant until, Boolean dryRun) {}

    /** The replay answer. */
    record Replayed(boolean dryRun, int count, int maxPerCall) {}

    @GetMapping("/api/v1/workspaces/{workspaceId}/dead-letters")
    Listing list(
            @PathVariable String workspaceId,
            @RequestParam(name = "destination_id", required = false) String destinationId,
            @RequestParam(name = "action_id", required = false) String actionId,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            @RequestParam(name = "include_replayed", defaultValue = "false")
                    boolean includeReplayed,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LISTED) {
            throw Refusal.badRequest("limit must be between 1 and " + MAX_LISTED + ".");
        }
        DeadLetters.Filter filter =
                new DeadLetters.Filter(workspaceId, destinationId, actionId, since, until);
        return new Listing(
                deadLetters.list(filter, limit, includeReplayed).stream().map(View::of).toList());
    }

    @PostMapping("/api/v1/workspaces/{workspaceId}/dead-letters/replay")
    Replayed replay(@PathVariable String workspaceId, @RequestBody Replay replay) {
        DeadLetters.Filter filter =
                new DeadLetters.Filter(
                        workspaceId,
                        replay.destinationId(),
                        replay.actionId(),
                        replay.since(),
                        replay.until());
        if (replay.dryRun() != null && replay.dryRun()) {
            return new Replayed(true, deadLetters.countReplayable(filter), DeadLetters.MAX_REPLAY);
        }
        return new Replayed(false, deadLetters.replay(filter), DeadLetters.MAX_REPLAY);
    }
}
