package com.nimriz.hub.api;

import com.nimriz.hub.segment.ActionTools;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Payload preview and send test of an action (SPEC section 6). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/destinations/{destinationId}/actions/{actionId}")
class ActionToolsController {

    private final ActionTools tools;

    ActionToolsController(ActionTools tools) {
        this.tools = tools;
    }

    @PostMapping("/preview")
    ActionTools.Preview preview(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @PathVariable String actionId,
            @RequestBody ActionTools.Sample sample) {
        return tools.preview(workspaceId, destinationId, actionId, sample);
    }

    @PostMapping("/test")
    ActionTools.TestSend test(
            @PathVariable String workspaceId,
            @PathVariable String destinationId,
            @PathVariable String actionId,
            @RequestBody(required = false) ActionTools.Sample sample) {
        return tools.test(workspaceId, destinationId, actionId, sample);
    }
}
