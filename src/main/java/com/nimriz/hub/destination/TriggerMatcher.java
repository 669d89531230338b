package com.nimriz.hub.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import com.nimriz.hub.destination.Trigger.Condition;
import com.nimriz.hub.destination.Trigger.Match;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.spi.Language;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Decides whether an action's trigger matches an event, and if not, why (SPEC section 4.3). */
@Component
public class TriggerMatcher {

    static final int MAX_CACHED_PREDICATES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TriggerMatcher.class);

    // camel-jsonpath reads its options by position: resultType, source, suppressExceptions,
    // allowSimple, allowEasyPredicate, writeAsString, unpackArray, option. Simple is off so a
    // stored expression can never reach headers, beans or the environment through ${...}; the
    // easy-predicate rewrite is off so what runs is exactly what ActionRules compiled on save;
    // suppressed exceptions make a path to an absent field select nothing instead of failing.
    private static final Object[] JSONPATH_OPTIONS = {
        null, null, true, false, false, false, false, null
    };

    private static final Predicate NEVER = exchange -> false;

    private final CamelContext camelContext;

    private final Language jsonPath;

    private final Map<String, Predicate> predicates = new ConcurrentHashMap<>();

    public TriggerMatcher(CamelContext camelContext) {
        this.camelContext = camelContext;
        this.jsonPath = camelContext.resolveLanguage("jsonpath");
    }

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

    private boolean conditionsHold(CanonicalEvent event, Trigger trigger) {
        List<Condition> conditions = trigger.conditions();
        if (conditions.isEmpty()) {
            return true;
        }

        Exchange shareableView = needsJsonPath(conditions) ? shareableView(event) : null;
        boolean any = trigger.match() == Match.ANY;
        for (Condition condition : conditions) {
            if (holds(condition, event, shareableView) == any) {
                return any;
            }
        }
        return !any;
    }

    private boolean holds(Condition condition, CanonicalEvent event, Exchange shareableView) {
        if (condition == null) {
            return false;
        }
        if (condition.jsonpath() != null) {
            return jsonPathHolds(condition.jsonpath(), shareableView);
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

    /** A value as conditions and JSONPath see it: numbers as BigDecimal, timestamps as UTC text. */
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

    private static boolean needsJsonPath(List<Condition> conditions) {
        for (Condition condition : conditions) {
            if (condition != null && condition.jsonpath() != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * An exchange whose body is the event as JSONPath sees it: only shareable fields, so no
     * expression can read PII or ip_hash even if the event carries them.
     */
    private Exchange shareableView(CanonicalEvent event) {
        Map<String, Object> view = new HashMap<>();
        for (Map.Entry<CanonicalField, Object> field : event.fields().entrySet()) {
            if (field.getKey().shareable()) {
                view.put(field.getKey().wireName(), asSeen(field.getValue()));
            }
        }
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.getMessage().setBody(view);
        return exchange;
    }

    /**
     * Whether the expression selects something from the shareable view. camel-jsonpath's predicate
     * reads the result the way Camel reads any predicate value: a filter such as {@code
     * $[?(@.country == 'US')]} yields a list and holds when the list is non-empty; a plain path
     * such as {@code $.country} holds when it finds a value, unless that value is false. An
     * expression that does not compile or fails to evaluate does not hold.
     */
    private boolean jsonPathHolds(String expression, Exchange shareableView) {
        try {
            return predicate(expression).matches(shareableView);
        } catch (RuntimeException e) {
            LOG.debug(
                    "A trigger's JSONPath condition failed to evaluate ({}); it does not hold",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private Predicate predicate(String expression) {
        if (predicates.size() >= MAX_CACHED_PREDICATES && !predicates.containsKey(expression)) {
            // Expressions come from stored actions, so there are few; clearing on overflow only
            // bounds what edited and deleted actions leave behind.
            predicates.clear();
        }
        return predicates.computeIfAbsent(expression, this::compile);
    }

    private Predicate compile(String expression) {
        try {
            // camel-jsonpath parses the path only when it evaluates it, so a broken one would
            // fail on every event; parsing it here once caches it as never holding.
            JsonPath.compile(expression);
            return jsonPath.createPredicate(expression, JSONPATH_OPTIONS);
        } catch (RuntimeException e) {
            LOG.debug(
                    "A trigger's JSONPath condition does not compile ({}); it never holds",
                    e.getClass().getSimpleName());
            return NEVER;
        }
    }
}
