package com.nimriz.hub.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.nimriz.hub.Refusal;
import com.nimriz.hub.destination.Trigger.Condition;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.event.EventType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules an action must keep before it is stored (SPEC section 4.3), above all that triggers and
 * mappings name shareable fields only, never PII.
 */
final class ActionRules {

    static final int MAX_NAME_LENGTH = 200;

    static final int MAX_CONDITIONS = 50;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ActionRules() {}

    /** Throws a {@link Refusal} naming the first rule the draft breaks. */
    static void check(ActionDraft draft) {
        requireText(draft.name(), "name");
        if (draft.name().length() > MAX_NAME_LENGTH) {
            throw invalid("name is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        if (draft.trigger() == null) {
            throw Refusal.badRequest("trigger is required.");
        }
        checkTrigger(draft.trigger());
        checkEventNames(draft.eventNames());
        checkMapping(draft.mapping() == null ? Mapping.none() : draft.mapping());
    }

    private static void checkTrigger(Trigger trigger) {
        List<EventType> types = trigger.eventTypes();
        if (types == null || types.isEmpty()) {
            throw invalid("trigger.event_types must name at least one event type.");
        }
        // Not types.contains(null): immutable lists (List.of) throw on a null query.
        if (types.stream().anyMatch(Objects::isNull)
                || new HashSet<>(types).size() != types.size()) {
            throw invalid("trigger.event_types names an event type twice or is null.");
        }
        for (String name : trigger.conversionNames()) {
            if (name == null || name.isBlank()) {
                throw invalid("trigger.conversion_names holds an empty name.");
            }
        }
        if (trigger.conditions().size() > MAX_CONDITIONS) {
            throw invalid("trigger.conditions holds more than " + MAX_CONDITIONS + " conditions.");
        }
        for (int i = 0; i < trigger.conditions().size(); i++) {
            checkCondition(trigger.conditions().get(i), "trigger.conditions[" + i + "]");
        }
    }

    private static void checkCondition(Condition condition, String where) {
        if (condition == null) {
            throw invalid(where + " is null.");
        }
        if (condition.jsonpath() != null) {
            if (condition.field() != null || condition.op() != null || condition.value() != null) {
                throw invalid(where + " has a jsonpath, so it takes no field, op or value.");
            }
            checkJsonPath(condition.jsonpath(), where);
            return;
        }
        if (condition.field() == null || condition.op() == null) {
            throw Refusal.badRequest(where + " needs a field and an op, or a jsonpath.");
        }
        requireShareable(condition.field(), where + ".field");
        checkValue(condition, where);
    }

    private static void checkValue(Condition condition, String where) {
        JsonNode value = condition.value();
        boolean hasValue = value != null && !value.isNull();
        Operator op = condition.op();
        if (!op.takesValue()) {
            if (hasValue) {
                throw invalid(where + ": " + op.wireName() + " takes no value.");
            }
            return;
        }
        if (!hasValue) {
            throw invalid(where + ": " + op.wireName() + " needs a value.");
        }
        switch (op) {
            case IN, NOT_IN -> {
                if (!value.isArray() || value.isEmpty() || !allScalars(value)) {
                    throw invalid(
                            where
                                    + ": "
                                    + op.wireName()
                                    + " needs a non-empty list of strings, numbers or booleans.");
                }
            }
            case GT, LT -> {
                if (!value.isNumber()) {
                    throw invalid(where + ": " + op.wireName() + " needs a number.");
                }
            }
            case CONTAINS, STARTS_WITH -> {
                if (!value.isTextual()) {
                    throw invalid(where + ": " + op.wireName() + " needs a string.");
                }
            }
            default -> {
                if (!value.isValueNode()) {
                    throw invalid(
                            where + ": " + op.wireName() + " needs a string, number or boolean.");
                }
            }
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode() || item.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static void checkJsonPath(String expression, String where) {
        if (expression.isBlank()) {
            throw invalid(where + ".jsonpath is empty.");
        }
        Matcher names = IDENTIFIER.matcher(expression);
        while (names.find()) {
            CanonicalField.find(names.group())
                    .filter(field -> !field.shareable())
                    .ifPresent(
                            field -> {
                                throw piiRefusal(field, where + ".jsonpath");
                            });
        }
        try {
            JsonPath.compile(expression);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw invalid(where + ".jsonpath is not a valid JSONPath expression.");
        }
    }

    private static void checkEventNames(Map<String, String> eventNames) {
        if (eventNames == null) {
            return;
        }
        for (Map.Entry<String, String> entry : eventNames.entrySet()) {
            if (EventType.find(entry.getKey()).isEmpty()) {
                throw invalid(
                        "event_names has the key '"
                                + entry.getKey()
                                + "'; keys are event types: link_clicked, qr_scanned, conversion.");
            }
            String name = entry.getValue();
            if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
                throw invalid(
                        "event_names."
                                + entry.getKey()
                                + " must be a name of 1 to "
                                + MAX_NAME_LENGTH
                                + " characters.");
            }
        }
    }

    private static void checkMapping(Mapping mapping) {
        for (Map.Entry<String, String> rename : mapping.rename().entrySet()) {
            requireShareable(rename.getKey(), "mapping.rename");
            requirePropertyName(rename.getValue(), "mapping.rename." + rename.getKey());
        }
        for (Map.Entry<String, JsonNode> constant : mapping.staticValues().entrySet()) {
            requirePropertyName(constant.getKey(), "mapping.static");
            JsonNode value = constant.getValue();
            if (value == null || !value.isValueNode() || value.isNull()) {
                throw invalid(
                        "mapping.static."
                                + constant.getKey()
                                + " must be a string, number or boolean.");
            }
        }
        for (String field : mapping.exclude()) {
            requireShareable(field, "mapping.exclude");
        }
    }

    private static void requirePropertyName(String name, String where) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw invalid(
                    where + " must be a property name of 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        CanonicalField.find(name)
                .filter(field -> !field.shareable())
                .ifPresent(
                        field -> {
                            throw piiRefusal(field, where);
                        });
    }

    private static void requireShareable(String fieldName, String where) {
        CanonicalField field =
                CanonicalField.find(fieldName)
                        .orElseThrow(
                                () ->
                                        Refusal.unprocessable(
                                                "unknown_field",
                                                where
                                                        + " names '"
                                                        + fieldName
                                                        + "', which is not a field of the"
                                                        + " canonical event."));
        if (!field.shareable()) {
            throw piiRefusal(field, where);
        }
    }

    private static Refusal piiRefusal(CanonicalField field, String where) {
        String why =
                field.dataClass() == CanonicalField.DataClass.PII
                        ? "is personal data (PII), and PII never leaves the hub"
                        : "is a pseudonymous visitor id that is only ever sent as anonymousId";
        return Refusal.unprocessable(
                "pii_field",
                where
                        + " names '"
                        + field.wireName()
                        + "', which "
                        + why
                        + ". Use a non-PII field instead.");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Refusal.badRequest(field + " is required.");
        }
    }

    private static Refusal invalid(String message) {
        return Refusal.unprocessable("invalid_action", message);
    }
}
