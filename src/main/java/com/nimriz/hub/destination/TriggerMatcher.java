package com.nimriz.hub.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimriz.hub.destination.Trigger.Condition;
import com.nimriz.hub.destination.Trigger.Match;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides whether an action's trigger matches an event, and if not, why (SPEC section 4.3). */
@Component
public class TriggerMatcher {

    /** Empty when the trigger matches the event, otherwise the first check the event fails. */
    public Optional<SkipReason> skipReason(CanonicalEvent event, Trigger trigger) {
        List<EventType> eventTypes = trigger.eventTypes();
        if (eventTypes == null || !eventTypes.contains(event.eventType())) {
            return Optional.of(SkipReason.EVENT_TYPE_NOT_SELECTED);
        }

        if (Boolean.TRUE.equals(event.value(CanonicalField.IS_BOT)) && !trigger.includeBots()) {
            return Optional.of(SkipReason.BOT);
        }

        List<String> conversionNames = trigger.conversionNames();
        if (event.eventType() == EventType.CONVERSION
                && !conversionNames.isEmpty()
                && !conversionNames.contains(event.value(CanonicalField.CONVERSION_NAME))) {
            return Optional.of(SkipReason.CONVERSION_NAME_NOT_SELECTED);
        }

        if (!conditionsHold(event, trigger)) {
            return Optional.of(SkipReason.CONDITIONS_NOT_MET);
        }
        return Optional.empty();
    }

    private static boolean conditionsHold(CanonicalEvent event, Trigger trigger) {
        List<Condition> conditions = trigger.conditions();
        if (conditions.isEmpty()) {
            return true;
        }

        boolean any = trigger.match() == Match.ANY;
        for (Condition condition : conditions) {
            if (holds(condition, event) == any) {
                return any;
            }
        }
        return !any;
    }

    private static boolean holds(Condition condition, CanonicalEvent event) {
        if (condition == null) {
            return false;
        }
        if (condition.field() == null || condition.op() == null) {
            return false;
        }
        return fieldConditionHolds(condition.op(), valueOf(condition.field(), event), condition);
    }

    private static boolean fieldConditionHolds(Operator op, Object actual, Condition condition) {
        JsonNode expected = condition.value();
        return switch (op) {
            case EXISTS -> actual != null;
            case NOT_EXISTS -> actual == null;
            case EQUALS -> sameValue(actual, expected);
            case NOT_EQUALS -> isScalar(expected) && !sameValue(actual, expected);
            case IN -> isList(expected) && anySameValue(actual, expected);
            case NOT_IN -> isList(expected) && !anySameValue(actual, expected);
            case CONTAINS ->
                    actual instanceof String text
                            && expected != null
                            && expected.isTextual()
                            && text.contains(expected.textValue());
            case STARTS_WITH ->
                    actual instanceof String text
                            && expected != null
                            && expected.isTextual()
                            && text.startsWith(expected.textValue());
            case GT -> compareNumbers(actual, expected) > 0;
            case LT -> compareNumbers(actual, expected) < 0;
        };
    }

    /**
     * The event's value of a field as conditions see it, or null when absent. A field that may not
     * be shared counts as absent: ActionRules refuses such conditions, and should one slip through,
     * it must not let PII decide where an event goes.
     */
    private static Object valueOf(String fieldName, CanonicalEvent event) {
        return CanonicalField.find(fieldName)
                .filter(CanonicalField::shareable)
                .map(event::value)
                .map(TriggerMatcher::asSeen)
                .orElse(null);
    }

    /** A value as conditions see it: numbers as BigDecimal, timestamps as ISO-8601 text in UTC. */
    private static Object asSeen(Object value) {
        if (value instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        if (value instanceof Number number) {
            return decimal(number);
        }
        return value;
    }

    private static boolean sameValue(Object actual, JsonNode expected) {
        if (actual == null || expected == null) {
            return false;
        }
        if (actual instanceof BigDecimal number) {
            return expected.isNumber() && number.compareTo(expected.decimalValue()) == 0;
        }
        if (actual instanceof String text) {
            return expected.isTextual() && text.equals(expected.textValue());
        }
        if (actual instanceof Boolean flag) {
            return expected.isBoolean() && flag == expected.booleanValue();
        }
        return false;
    }

    private static boolean anySameValue(Object actual, JsonNode list) {
        for (JsonNode element : list) {
            if (sameValue(actual, element)) {
                return true;
            }
        }
        return false;
    }

    /** The sign of actual minus expected, or 0 when either is not a number. */
    private static int compareNumbers(Object actual, JsonNode expected) {
        if (!(actual instanceof BigDecimal number) || expected == null || !expected.isNumber()) {
            return 0;
        }
        return number.compareTo(expected.decimalValue());
    }

    private static boolean isScalar(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull();
    }

    private static boolean isList(JsonNode node) {
        return node != null && node.isArray();
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            // NaN and the infinities have no decimal form; no condition can hold on them.
            return null;
        }
    }
}
