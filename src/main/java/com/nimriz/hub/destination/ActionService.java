package com.nimriz.hub.destination;

import com.nimriz.hub.Refusal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Creates and changes the actions of a destination under the rules of SPEC section 4.3. */
@Service
public class ActionService {

    private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);

    private final ActionStore store;

    private final DestinationService destinations;

    public ActionService(ActionStore store, DestinationService destinations) {
        this.store = store;
        this.destinations = destinations;
    }

    public List<Action> list(String workspaceId, String destinationId) {
        destinations.get(workspaceId, destinationId);
        return store.list(destinationId);
    }

    /** The action, or a 404 refusal when the workspace's destination has none with this id. */
    public Action get(String workspaceId, String destinationId, String id) {
        destinations.get(workspaceId, destinationId);
        return store.find(destinationId, id)
                .orElseThrow(
                        () ->
                                Refusal.notFound(
                                        "action_not_found",
                                        "Destination "
                                                + destinationId
                                                + " has no action with id "
                                                + id
                                                + "."));
    }

    /** Stores a new action; it starts disabled whatever the draft says. */
    public Action create(String workspaceId, String destinationId, ActionDraft draft) {
        destinations.get(workspaceId, destinationId);
        destinations.requireSegmentPlan(workspaceId);
        ActionRules.check(draft);
        Instant now = now();
        Action action =
                new Action(
                        UUID.randomUUID().toString(),
                        destinationId,
                        draft.name().trim(),
                        draft.trigger(),
                        eventNames(draft),
                        draft.mapping() == null ? Mapping.none() : draft.mapping(),
                        false,
                        now,
                        now);
        store.insert(action);
        LOG.info(
                "Action {} created, disabled, on destination {} of workspace {}",
                action.id(),
                destinationId,
                workspaceId);
        return action;
    }

    public Action update(String workspaceId, String destinationId, String id, ActionDraft draft) {
        Action current = get(workspaceId, destinationId, id);
        ActionRules.check(draft);
        Action changed =
                new Action(
                        id,
                        destinationId,
                        draft.name().trim(),
                        draft.trigger(),
                        eventNames(draft),
                        draft.mapping() == null ? Mapping.none() : draft.mapping(),
                        draft.enabled() == null ? current.enabled() : draft.enabled(),
                        current.createdAt(),
                        now());
        store.update(changed);
        LOG.info(
                "Action {} of destination {} changed (enabled {})",
                id,
                destinationId,
                changed.enabled());
        return changed;
    }

    public void delete(String workspaceId, String destinationId, String id) {
        get(workspaceId, destinationId, id);
        store.delete(destinationId, id);
        LOG.info("Action {} of destination {} deleted", id, destinationId);
    }

    /** The draft that would recreate this action. */
    public ActionDraft draftOf(Action action) {
        return new ActionDraft(
                action.name(),
                action.trigger(),
                action.eventNames(),
                action.mapping(),
                action.enabled());
    }

    private static Map<String, String> eventNames(ActionDraft draft) {
        return draft.eventNames() == null ? Map.of() : Map.copyOf(draft.eventNames());
    }

    /** Now, at the microsecond precision the store keeps, so answers match later reads. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
