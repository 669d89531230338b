package com.nimriz.hub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.Refusal;
import org.springframework.stereotype.Component;

/** Reads request bodies that arrive as JSON trees, with the same strictness as typed bodies. */
@Component
class RequestBodies {

    private final ObjectMapper objectMapper;

    RequestBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The resource after a merge patch, read back as the request type. */
    <T> T patched(Object current, JsonNode patch, Class<T> type) {
        ObjectNode base = objectMapper.valueToTree(current);
        return read(JsonMergePatch.apply(base, patch), type);
    }

    <T> T read(JsonNode json, Class<T> type) {
        try {
            return objectMapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "invalid_body", ApiExceptionHandler.describe(e));
        } catch (IllegalArgumentException e) {
            throw new Refusal(
                    400, "invalid_body", "The request body has a value that is not" + " allowed.");
        }
    }
}
