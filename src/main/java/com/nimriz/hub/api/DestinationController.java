package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.destination.DestinationDraft;
import com.nimriz.hub.destination.DestinationService;
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

/** A workspace's Segment destinations (SPEC section 4.2). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/destinations")
class DestinationController {

    private final DestinationService service;

    private final RequestBodies bodies;

    DestinationController(DestinationService service, RequestBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @PostMapping
    ResponseEntity<DestinationView> create(
            @PathVariable String workspaceId, @RequestBody DestinationDraft draft) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DestinationView.of(service.create(workspaceId, draft)));
    }

    @GetMapping
    List<DestinationView> list(@PathVariable String workspaceId) {
        return service.list(workspaceId).stream().map(DestinationView::of).toList();
    }

    @GetMapping("/{destinationId}")
    DestinationView get(@PathVariable String workspaceId, @PathVariable String destinationId) {
        return DestinationView.of(service.get(workspaceId, destinationId));
    }

    @PatchMapping("/{destinationId}")
    DestinationView patch(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @RequestBody JsonNode patch) {
        DestinationDraft current = service.draftOf(service.get(workspaceId, destinationId));
        DestinationDraft changed = bodies.patched(current, patch, DestinationDraft.class);
        return DestinationView.of(service.update(workspaceId, destinationId, changed));
    }

    @DeleteMapping("/{destinationId}")
    ResponseEntity<Void> delete(
            @PathVariable String workspaceId, @PathVariable String destinationId) {
        service.delete(workspaceId, destinationId);
        return ResponseEntity.noContent().build();
    }
}
