package com.nimriz.hub.destination;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How an action reshapes the message's properties (SPEC section 4.3). */
public record Mapping(
        Map<String, String> rename,
        @JsonProperty("static") Map<String, JsonNode> staticValues,
        List<String> exclude) {

    public Mapping {
        rename = rename == null ? Map.of() : new LinkedHashMap<>(rename);
        staticValues = staticValues == null ? Map.of() : new LinkedHashMap<>(staticValues);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public static Mapping none() {
        return new Mapping(null, null, null);
    }
}
