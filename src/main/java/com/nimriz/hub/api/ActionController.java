package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.destination.Action;
import com.nimriz.hub.destination.ActionDraft;
import com.nimriz.hub.destination.ActionService;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The actions of a destination (SPEC section 4.3). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/destinations/{destinationId}/actions")
class ActionController {

    private final ActionService service;

    private final RequestBodies bodies;

    ActionController(ActionService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @PostMapping
    ResponseEntity<Action> create(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @RequestBody ActionDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(service.create(workspaceId, destinationId, draft));
    }

    @GetMapping
    List<Action> list(@PathVariable String workspaceId, @PathVariable String destinationId) {
        return service.list(workspaceId, destinationId);
    }

    @GetMapping("/{actionId}")
    Action get(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @PathVariable String actionId) {
        return service.get(workspaceId, destinationId, actionId);
    }

    @PatchMapping("/{actionId}")
    Action patch(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @PathVariable String actionId,
            @RequestBody JsonNode patch) {
        ActionDraft current = service.draftOf(service.get(workspaceId, destinationId, actionId));
        ActionDraft changed = bodies.patched(current, patch, ActionDraft.class);
        return service.update(workspaceId, destinationId, actionId, changed);
    }

    @DeleteMapping("/{actionId}")
    ResponseEntity<Void> delete(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @PathVariable String actionId) {
        service.delete(workspaceId, destinationId, actionId);
        return ResponseEntity.noContent().build();
    }
}
