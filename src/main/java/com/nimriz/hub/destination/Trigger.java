package com.nimriz.hub.destination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.event.EventType;
import java.util.List;
import java.util.Locale;

/** Which events start an action (SPEC section 4.3). */
public record Trigger(
        List<EventType> eventTypes,
        List<String> conversionNames,
        List<Condition> conditions,
        Match match,
        Boolean includeBots) {

    public Trigger {
        conversionNames = conversionNames == null ? List.of() : List.copyOf(conversionNames);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        match = match == null ? Match.ALL : match;
        includeBots = includeBots != null && includeBots;
    }

    /** How conditions combine. */
    public enum Match {
        ALL,
        ANY;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Match fromJson(String wireName) {
            for (Match match : values()) {
                if (match.wireName().equals(wireName)) {
                    return match;
                }
            }
            throw new IllegalArgumentException("must be all or any");
        }
    }

    /** One condition: a field compared with a value, or a JSONPath predicate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String field, Operator op, JsonNode value, String jsonpath) {}
}
