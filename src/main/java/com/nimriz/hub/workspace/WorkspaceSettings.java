package com.nimriz.hub.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one record of the compacted workspaces topic: {@code {workspace_id, plan,
 * strict_privacy}} keyed by workspace id; a tombstone forgets the workspace (SPEC section 4.1).
 */
@Component("workspaceSettings")
public class WorkspaceSettings {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceSettings.class);

    private final WorkspaceStore store;

    private final ObjectMapper objectMapper;

    public WorkspaceSettings(WorkspaceStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    /** Stores the settings; a record that cannot be read is logged and skipped. */
    public void apply(String key, String value) {
        // Known limitation: a tombstone forgets the settings but keeps the workspace's
        // destinations and actions; its events are skipped as those of an unknown workspace.
        if (value == null) {
            if (key != null && store.delete(key)) {
                LOG.info("Workspace {} was removed by a tombstone on the workspaces topic", key);
            }
            return;
        }
        JsonNode json = read(value);
        Optional<String> problem = problem(key, json);
        if (problem.isPresent()) {
            LOG.warn("Skipped workspace settings record for key {}: {}", key, problem.get());
            return;
        }
        Plan plan = Plan.find(json.get("plan").textValue()).orElseThrow();
        boolean strictPrivacy = json.path("strict_privacy").asBoolean(false);
        store.save(key, plan, strictPrivacy);
        LOG.info(
                "Workspace {} settings applied from the workspaces topic: plan {}, strict privacy"
                        + " {}",
                key,
                plan.wireName(),
                strictPrivacy);
    }

    private static Optional<String> problem(String key, JsonNode json) {
        if (key == null || key.isBlank()) {
            return Optional.of("the record has no key");
        }
        if (json == null || !json.isObject()) {
            return Optional.of("the value is not a JSON object");
        }
        JsonNode id = json.get("workspace_id");
        if (id != null && !id.isNull() && !key.equals(id.asText())) {
            return Optional.of("workspace_id in the value differs from the record key");
        }
        JsonNode plan = json.get("plan");
        if (plan == null || !plan.isTextual() || Plan.find(plan.textValue()).isEmpty()) {
            return Optional.of("plan is missing or not a known plan");
        }
        JsonNode strict = json.get("strict_privacy");
        if (strict != null && !strict.isNull() && !strict.isBoolean()) {
            return Optional.of("strict_privacy is not true or false");
        }
        return Optional.empty();
    }

    private JsonNode read(String value) {
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
