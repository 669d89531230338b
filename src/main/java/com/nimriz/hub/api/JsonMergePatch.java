package com.nimriz.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.Refusal;
import java.util.Iterator;
import java.util.Map;

/** Applies a JSON merge patch (RFC 7396) to a resource's JSON form. */
final class JsonMergePatch {

    private JsonMergePatch() {}

    /** Merges the patch into a copy of the target: objects merge, null removes, others replace. */
    static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw Refusal.badRequest("A PATCH body must be a JSON object of the fields to change.");
        }
        ObjectNode result = target.deepCopy();
        merge(result, (ObjectNode) patch);
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode current = target.get(field.getKey());
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject()) {
                // RFC 7396: an object merges into what is there, or into {} when that is not an
                // object, so nulls inside it remove members rather than being stored.
                ObjectNode into =
                        current != null && current.isObject()
                                ? (ObjectNode) current
                                : target.putObject(field.getKey());
                merge(into, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }
}
