package com.nimriz.hub.api;

import com.nimriz.hub.Refusal;
import com.nimriz.hub.workspace.Plan;
import com.nimriz.hub.workspace.Workspace;
import com.nimriz.hub.workspace.WorkspaceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Workspace settings: plan and Strict Privacy Mode (SPEC section 4.1). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class WorkspaceController {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceController.class);

    static final int MAX_ID_LENGTH = 128;

    private final WorkspaceStore store;

    WorkspaceController(WorkspaceStore store) {
        this.store = store;
    }

    /** The settings body of {@code PUT /workspaces/{ws}}. */
    record Settings(Plan plan, Boolean strictPrivacy) {}

    @PutMapping
    Workspace put(@PathVariable String workspaceId, @RequestBody Settings settings) {
        if (workspaceId.isBlank() || workspaceId.length() > MAX_ID_LENGTH) {
            throw Refusal.badRequest("A workspace id has 1 to " + MAX_ID_LENGTH + " characters.");
        }
        if (settings.plan() == null) {
            throw Refusal.badRequest(
                    "plan is required: free, starter, professional, business or enterprise.");
        }
        boolean strict = settings.strictPrivacy() != null && settings.strictPrivacy();
        Workspace saved = store.save(workspaceId, settings.plan(), strict);
        LOG.info(
                "Workspace {} settings set through the API: plan {}, strict privacy {}",
                workspaceId,
                settings.plan().wireName(),
                strict);
        return saved;
    }

    @GetMapping
    Workspace get(@PathVariable String workspaceId) {
        return store.find(workspaceId)
                .orElseThrow(
                        () ->
                                Refusal.notFound(
                                        "workspace_not_found",
                                        "The hub has no settings for workspace "
                                                + workspaceId
                                                + "."));
    }
}
