package com.nimriz.hub.destination;

import com.nimriz.hub.Refusal;
import com.nimriz.hub.workspace.Plan;
import com.nimriz.hub.workspace.Workspace;
import com.nimriz.hub.workspace.WorkspaceStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Creates and changes Segment destinations under the rules of SPEC section 4.2. */
@Service
public class DestinationService {

    private static final Logger LOG = LoggerFactory.getLogger(DestinationService.class);

    static final int MAX_NAME_LENGTH = 200;

    private static final Pattern WRITE_KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");

    private static final int HINT_LENGTH = 4;

    private final DestinationStore store;

    private final WorkspaceStore workspaces;

    private final WriteKeyCipher cipher;

    private final WriteKeyVerifier verifier;

    public DestinationService(
            DestinationStore store,
            WorkspaceStore workspaces,
            WriteKeyCipher cipher,
            WriteKeyVerifier verifier) {
        this.store = store;
        this.workspaces = workspaces;
        this.cipher = cipher;
        this.verifier = verifier;
    }

    public List<Destination> list(String workspaceId) {
        return store.list(workspaceId);
    }

    /** The workspace's destination, or a 404 refusal when it has none with this id. */
    public Destination get(String workspaceId, String id) {
        return store.find(workspaceId, id)
                .orElseThrow(
                        () ->
                                Refusal.notFound(
                                        "destination_not_found",
                                        "Workspace "
                                                + workspaceId
                                                + " has no destination with id "
                                                + id
                                                + "."));
    }

    public Destination create(String workspaceId, DestinationDraft draft) {
        requireSegmentPlan(workspaceId);
        checkFields(draft);
        if (draft.writeKey() == null) {
            throw Refusal.badRequest("write_key is required.");
        }
        String id = UUID.randomUUID().toString();
        boolean verified = verify(draft.writeKey());
        Instant now = now();
        Destination destination =
                new Destination(
                        id,
                        workspaceId,
                        Destination.SEGMENT,
                        draft.name().trim(),
                        draft.region(),
                        cipher.seal(id, draft.writeKey()),
                        hint(draft.writeKey()),
                        verified,
                        draft.enabled() == null || draft.enabled(),
                        now,
                        now);
        try {
            store.insert(destination);
        } catch (DuplicateKeyException e) {
            throw nameTaken(workspaceId, destination.name());
        }
        LOG.info(
                "Destination {} created for workspace {} (region {}, write key verified {})",
                id,
                workspaceId,
                destination.region().wireName(),
                verified);
        return destination;
    }

    /** Replaces the destination's settings; a null write key keeps the stored one. */
    public Destination update(String workspaceId, String id, DestinationDraft draft) {
        Destination current = get(workspaceId, id);
        checkFields(draft);
        String sealed = current.sealedWriteKey();
        String hint = current.writeKeyHint();
        boolean verified = current.writeKeyVerified();
        if (draft.writeKey() != null) {
            verified = verify(draft.writeKey());
            sealed = cipher.seal(id, draft.writeKey());
            hint = hint(draft.writeKey());
        }
        Destination changed =
                new Destination(
                        id,
                        workspaceId,
                        current.type(),
                        draft.name().trim(),
                        draft.region(),
                        sealed,
                        hint,
                        verified,
                        draft.enabled() == null ? current.enabled() : draft.enabled(),
                        current.createdAt(),
                        now());
        try {
            store.update(changed);
        } catch (DuplicateKeyException e) {
            throw nameTaken(workspaceId, changed.name());
        }
        LOG.info("Destination {} of workspace {} changed", id, workspaceId);
        return changed;
    }

    public void delete(String workspaceId, String id) {
        get(workspaceId, id);
        store.delete(workspaceId, id);
        LOG.info("Destination {} of workspace {} deleted with its actions", id, workspaceId);
    }

    /** The draft that would recreate this destination, without its write key. */
    public DestinationDraft draftOf(Destination destination) {
        return new DestinationDraft(
                destination.type(),
                destination.name(),
                destination.region(),
                null,
                destination.enabled());
    }

    /** Refuses with 403 unless the workspace's plan includes the Segment integration. */
    public void requireSegmentPlan(String workspaceId) {
        Workspace workspace =
                workspaces
                        .find(workspaceId)
                        .orElseThrow(
                                () ->
                                        new Refusal(
                                                403,
                                                "plan_required",
                                                "The hub does not know the plan of workspace "
                                                        + workspaceId
                                                        + "; the Segment integration needs the"
                                                        + " Professional plan or higher."));
        if (!workspace.plan().includesSegment()) {
            throw new Refusal(
                    403,
                    "plan_required",
                    "Workspace "
                            + workspaceId
                            + " is on the "
                            + workspace.plan().wireName()
                            + " plan; the Segment integration needs the "
                            + Plan.SEGMENT_MINIMUM.wireName()
                            + " plan or higher.");
        }
    }

    private boolean verify(String writeKey) {
        WriteKeyVerifier.Verdict verdict = verifier.verify(writeKey);
        if (verdict == WriteKeyVerifier.Verdict.UNKNOWN_KEY) {
            throw Refusal.unprocessable(
                    "invalid_write_key",
                    "Segment does not know this write key. Copy it again from the settings of"
                            + " your Segment source, and check the region.");
        }
        return verdict == WriteKeyVerifier.Verdict.VERIFIED;
    }

    private static void checkFields(DestinationDraft draft) {
        if (draft.type() == null) {
            throw Refusal.badRequest("type is required.");
        }
        if (!Destination.SEGMENT.equals(draft.type())) {
            throw Refusal.unprocessable(
                    "unknown_type", "type must be segment, the only destination type offered.");
        }
        if (draft.name() == null || draft.name().isBlank()) {
            throw Refusal.badRequest("name is required.");
        }
        if (draft.name().length() > MAX_NAME_LENGTH) {
            throw Refusal.unprocessable(
                    "invalid_destination",
                    "name is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        if (draft.region() == null) {
            throw Refusal.badRequest("region is required: us or eu.");
        }
        if (draft.writeKey() != null && !WRITE_KEY.matcher(draft.writeKey()).matches()) {
            throw Refusal.unprocessable(
                    "invalid_write_key",
                    "write_key must be 8 to 128 letters, digits, '-' or '_', as Segment shows it.");
        }
    }

    private static String hint(String writeKey) {
        return writeKey.substring(writeKey.length() - HINT_LENGTH);
    }

    private static Refusal nameTaken(String workspaceId, String name) {
        return new Refusal(
                409,
                "name_taken",
                "Workspace " + workspaceId + " already has a destination named '" + name + "'.");
    }

    /** Now, at the microsecond precision the store keeps, so answers match later reads. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
