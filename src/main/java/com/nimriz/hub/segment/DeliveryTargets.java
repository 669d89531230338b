package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.destination.Action;
import com.nimriz.hub.destination.ActionStore;
import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.destination.DestinationStore;
import com.nimriz.hub.destination.SkipReason;
import com.nimriz.hub.destination.TriggerMatcher;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.privacy.SaltStore;
import com.nimriz.hub.workspace.Workspace;
import com.nimriz.hub.workspace.WorkspaceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The facts the routing routes decide on: for one poll, the workspaces of its events and their
 * enabled actions (read once per poll), whether an action wants an event, and the delivery the
 * mapping bean makes of it (SPEC sections 3, 4.3 and 5).
 */
@Component("deliveryTargets")
public class DeliveryTargets {

    private final WorkspaceStore workspaces;

    private final DestinationStore destinations;

    private final ActionStore actions;

    private final TriggerMatcher matcher;

    private final SegmentMessageMapper mapper;

    private final SaltStore salts;

    private final ObjectMapper json;

    private final MeterRegistry meters;

    private final Clock clock;

    public DeliveryTargets(
            WorkspaceStore workspaces,
            DestinationStore destinations,
            ActionStore actions,
            TriggerMatcher matcher,
            SegmentMessageMapper mapper,
            SaltStore salts,
            ObjectMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.workspaces = workspaces;
        this.destinations = destinations;
        this.actions = actions;
        this.matcher = matcher;
        this.mapper = mapper;
        this.salts = salts;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /** An enabled action and the destination it belongs to. */
    public record Target(Destination destination, Action action) {}

    /** The configuration one poll of events is routed with. */
    public record Snapshot(Map<String, Workspace> workspaces, Map<String, List<Target>> targets) {}

    public Snapshot snapshot(List<CanonicalEvent> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.workspaceId()));
        Map<String, Workspace> known = new HashMap<>();
        Map<String, List<Target>> targets = new HashMap<>();
        for (String id : ids) {
            Optional<Workspace> workspace = workspaces.find(id);
            if (workspace.isEmpty()) {
                continue;
            }
            known.put(id, workspace.get());
            if (workspace.get().plan().includesSegment()) {
                targets.put(id, enabledTargets(id));
            }
        }
        return new Snapshot(known, targets);
    }

    private List<Target> enabledTargets(String workspaceId) {
        List<Target> targets = new ArrayList<>();
        for (Destination destination : destinations.list(workspaceId)) {
            for (Action action : actions.list(destination.id())) {
                if (action.enabled()) {
                    targets.add(new Target(destination, action));
                }
            }
        }
        return targets;
    }

    /** The event's workspace, or null when the hub does not know it. */
    public Workspace workspaceFor(Snapshot snapshot, CanonicalEvent event) {
        return snapshot.workspaces().get(event.workspaceId());
    }

    public List<Target> targetsFor(Snapshot snapshot, Workspace workspace) {
        return snapshot.targets().getOrDefault(workspace.id(), List.of());
    }

    /** Why the target does not take the event, or null when it does. */
    public String skipReason(CanonicalEvent event, Target target) {
        if (!target.destination().enabled()) {
            return "destination_disabled";
        }
        return matcher.skipReason(event, target.action().trigger())
                .map(SkipReason::code)
                .orElse(null);
    }

    /** The Segment message the target makes of the event, ready for its first attempt. */
    public Delivery deliveryFor(CanonicalEvent event, Workspace workspace, Target target) {
        MappedMessage mapped = map(event, workspace, target);
        meters.counter("nimriz.anonymous.ids", "source", mapped.source().name().toLowerCase())
                .increment();
        return delivery(event, workspace, target, mapped);
    }

    /** The same delivery as {@link #deliveryFor}, for a preview: nothing is counted. */
    public Delivery previewFor(CanonicalEvent event, Workspace workspace, Target target) {
        return delivery(event, workspace, target, map(event, workspace, target));
    }

    private MappedMessage map(CanonicalEvent event, Workspace workspace, Target target) {
        Optional<byte[]> salt =
                needsSalt(event, workspace)
                        ? salts.saltFor(event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate())
                        : Optional.empty();
        return mapper.map(event, workspace, target.action(), salt);
    }

    private Delivery delivery(
            CanonicalEvent event, Workspace workspace, Target target, MappedMessage mapped) {
        return Delivery.first(
                target.destination().id(),
                workspace.id(),
                target.action().id(),
                event.eventId(),
                mapped.message(),
                clock.instant());
    }

    /** The rule of Segment's that the message breaks, or null when Segment will keep it. */
    public String violation(Delivery delivery) {
        return SegmentLimits.violation(delivery.message(), json).orElse(null);
    }

    /** The dead letter of a message that is never sent because Segment would drop it. */
    public DeadLetter refused(Delivery delivery, String violation) {
        return DeadLetter.of(delivery, violation, null, null, clock.instant());
    }

    private static boolean needsSalt(CanonicalEvent event, Workspace workspace) {
        return !workspace.strictPrivacy()
                && event.has(CanonicalField.IP)
                && !event.has(CanonicalField.IP_HASH);
    }
}
