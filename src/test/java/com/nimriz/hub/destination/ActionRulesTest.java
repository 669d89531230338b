package com.nimriz.hub.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.nimriz.hub.Refusal;
import com.nimriz.hub.destination.Trigger.Condition;
import com.nimriz.hub.event.EventType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionRulesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Nested
    class ValidActions {

        @Test
        void acceptsTheSmallestAction() {
            ActionDraft draft = linkClickedAction();

            assertThatCode(() -> ActionRules.check(draft)).doesNotThrowAnyException();
        }

        @Test
        void acceptsAnActionUsingEveryFeature() {
            ActionDraft draft = fullAction();

            assertThatCode(() -> ActionRules.check(draft)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(
                value = Operator.class,
                names = {"EXISTS", "NOT_EXISTS"})
        void acceptsAnOperatorWithoutValueWhenItTakesNone(Operator op) {
            ActionDraft draft = linkClickedAction(condition("utm_source", op, null));

            assertThatCode(() -> ActionRules.check(draft)).doesNotThrowAnyException();
        }
    }

    @Nested
    class NameAndTrigger {

        @Test
        void refusesAnActionWithoutName() {
            ActionDraft draft = named(" ");

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.getMessage()).contains("name");
        }

        @Test
        void refusesANameLongerThanTheLimit() {
            ActionDraft draft = named("n".repeat(ActionRules.MAX_NAME_LENGTH + 1));

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.status()).isEqualTo(422);
            assertThat(refusal.code()).isEqualTo("invalid_action");
        }

        @Test
        void refusesAnActionWithoutTrigger() {
            ActionDraft draft = new ActionDraft("No trigger", null, null, null, null);

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.getMessage()).contains("trigger");
        }

        @Test
        void refusesEmptyEventTypes() {
            ActionDraft draft = withTrigger(trigger(List.of()));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "trigger.event_types");
        }

        @Test
        void refusesMissingEventTypes() {
            ActionDraft draft = withTrigger(trigger(null));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "trigger.event_types");
        }

        @Test
        void refusesAnEventTypeNamedTwice() {
            ActionDraft draft =
                    withTrigger(trigger(List.of(EventType.LINK_CLICKED, EventType.LINK_CLICKED)));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "trigger.event_types");
        }

        @Test
        void refusesANullEventType() {
            ActionDraft draft = withTrigger(trigger(Collections.singletonList((EventType) null)));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "trigger.event_types");
        }

        @Test
        void refusesABlankConversionName() {
            Trigger trigger =
                    new Trigger(List.of(EventType.CONVERSION), List.of(" "), null, null, null);

            Refusal refusal = refusalOf(withTrigger(trigger));

            assertInvalidAction(refusal, "trigger.conversion_names");
        }

        @Test
        void refusesMoreConditionsThanTheLimit() {
            List<Condition> conditions = new ArrayList<>();
            for (int i = 0; i <= ActionRules.MAX_CONDITIONS; i++) {
                conditions.add(condition("country", Operator.EQUALS, text("US")));
            }

            Refusal refusal = refusalOf(linkClickedAction(conditions.toArray(Condition[]::new)));

            assertInvalidAction(refusal, "trigger.conditions");
        }
    }

    @Nested
    class PersonalData {

        @ParameterizedTest
        @ValueSource(
                strings = {"ip", "user_agent", "referrer_url", "customer_email", "customer_id"})
        void refusesAConditionOnAPiiField(String field) {
            ActionDraft draft = linkClickedAction(condition(field, Operator.EXISTS, null));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, field, "trigger.conditions[0].field");
            assertThat(refusal.getMessage()).contains("PII");
        }

        @Test
        void refusesAConditionOnTheIpHash() {
            ActionDraft draft =
                    linkClickedAction(condition("ip_hash", Operator.EQUALS, text("c6a965f4")));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, "ip_hash", "trigger.conditions[0].field");
            assertThat(refusal.getMessage()).contains("anonymousId");
        }

        @Test
        void namesTheConditionThatBreaksTheRule() {
            ActionDraft draft =
                    linkClickedAction(
                            condition("country", Operator.EQUALS, text("US")),
                            condition("customer_id", Operator.EXISTS, null));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, "customer_id", "trigger.conditions[1].field");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ip",
                    "ip_hash",
                    "user_agent",
                    "referrer_url",
                    "customer_email",
                    "customer_id"
                })
        void refusesRenamingAPiiField(String field) {
            ActionDraft draft = withMapping(new Mapping(Map.of(field, "visitor"), null, null));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, field, "mapping.rename");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ip",
                    "ip_hash",
                    "user_agent",
                    "referrer_url",
                    "customer_email",
                    "customer_id"
                })
        void refusesExcludingAPiiField(String field) {
            ActionDraft draft = withMapping(new Mapping(null, null, List.of("city", field)));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, field, "mapping.exclude");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ip",
                    "ip_hash",
                    "user_agent",
                    "referrer_url",
                    "customer_email",
                    "customer_id"
                })
        void refusesAJsonPathNamingAPiiField(String field) {
            ActionDraft draft = linkClickedAction(jsonPath("$[?(@." + field + " == 'x')]"));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, field, "trigger.conditions[0].jsonpath");
        }

        @Test
        void refusesAJsonPathNamingAPiiFieldInBrackets() {
            ActionDraft draft = linkClickedAction(jsonPath("$[?(@['customer_email'])]"));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, "customer_email", "trigger.conditions[0].jsonpath");
        }

        @Test
        void refusesRenamingAFieldToAPiiName() {
            ActionDraft draft = withMapping(new Mapping(Map.of("city", "ip"), null, null));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, "ip", "mapping.rename.city");
        }

        @Test
        void refusesAStaticPropertyWithAPiiName() {
            ActionDraft draft =
                    withMapping(new Mapping(null, Map.of("customer_email", text("a")), null));

            Refusal refusal = refusalOf(draft);

            assertPiiRefusal(refusal, "customer_email", "mapping.static");
        }
    }

    @Nested
    class UnknownFields {

        @Test
        void refusesAConditionOnAFieldTheEventDoesNotHave() {
            ActionDraft draft =
                    linkClickedAction(condition("favourite_colour", Operator.EXISTS, null));

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.status()).isEqualTo(422);
            assertThat(refusal.code()).isEqualTo("unknown_field");
            assertThat(refusal.getMessage()).contains("'favourite_colour'");
        }

        @Test
        void refusesRenamingAFieldTheEventDoesNotHave() {
            ActionDraft draft = withMapping(new Mapping(Map.of("shortUrl", "link"), null, null));

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.code()).isEqualTo("unknown_field");
            assertThat(refusal.getMessage()).contains("'shortUrl'");
        }

        @Test
        void refusesExcludingAFieldTheEventDoesNotHave() {
            ActionDraft draft = withMapping(new Mapping(null, null, List.of("town")));

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.code()).isEqualTo("unknown_field");
            assertThat(refusal.getMessage()).contains("'town'");
        }
    }

    @Nested
    class ConditionValues {

        @Test
        void refusesInWithoutAList() {
            ActionDraft draft = linkClickedAction(condition("country", Operator.IN, text("US")));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "in needs a non-empty list");
        }

        @Test
        void refusesInWithAnEmptyList() {
            ActionDraft draft = linkClickedAction(condition("country", Operator.IN, list()));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "in needs a non-empty list");
        }

        @Test
        void refusesNotInWithAListHoldingAnObject() {
            ArrayNode values = list("US");
            values.addObject().put("code", "CA");
            ActionDraft draft = linkClickedAction(condition("country", Operator.NOT_IN, values));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "not_in needs a non-empty list");
        }

        @Test
        void refusesInWithAListHoldingNull() {
            ArrayNode values = list("US");
            values.addNull();
            ActionDraft draft = linkClickedAction(condition("country", Operator.IN, values));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "in needs a non-empty list");
        }

        @Test
        void refusesGreaterThanAText() {
            ActionDraft draft = linkClickedAction(condition("revenue", Operator.GT, text("10")));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "gt needs a number");
        }

        @Test
        void refusesContainsWithANumber() {
            ActionDraft draft =
                    linkClickedAction(
                            condition("utm_campaign", Operator.CONTAINS, NODES.numberNode(3)));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "contains needs a string");
        }

        @Test
        void refusesEqualsWithAList() {
            ActionDraft draft =
                    linkClickedAction(condition("country", Operator.EQUALS, list("US")));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "equals needs a string, number or boolean");
        }

        @Test
        void refusesEqualsWithoutValue() {
            ActionDraft draft = linkClickedAction(condition("country", Operator.EQUALS, null));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "equals needs a value");
        }

        @Test
        void refusesEqualsWithAJsonNullValue() {
            ActionDraft draft =
                    linkClickedAction(condition("country", Operator.EQUALS, NODES.nullNode()));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "equals needs a value");
        }

        @Test
        void refusesExistsWithAValue() {
            ActionDraft draft =
                    linkClickedAction(condition("country", Operator.EXISTS, text("US")));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "exists takes no value");
        }

        @Test
        void refusesAConditionWithoutOperator() {
            ActionDraft draft = linkClickedAction(condition("country", null, text("US")));

            Refusal refusal = refusalOf(draft);

            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.getMessage()).contains("trigger.conditions[0]");
        }
    }

    @Nested
    class JsonPathConditions {

        @Test
        void acceptsAJsonPathPredicateOnNonPiiFields() {
            ActionDraft draft =
                    linkClickedAction(jsonPath("$[?(@.country == 'US' && @.revenue > 10)]"));

            assertThatCode(() -> ActionRules.check(draft)).doesNotThrowAnyException();
        }

        @Test
        void refusesAnInvalidJsonPath() {
            ActionDraft draft = linkClickedAction(jsonPath("$[?(@.country == 'US'"));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "trigger.conditions[0].jsonpath is not a valid");
        }

        @Test
        void refusesABlankJsonPath() {
            ActionDraft draft = linkClickedAction(jsonPath(" "));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "trigger.conditions[0].jsonpath is empty");
        }

        @Test
        void refusesAJsonPathThatAlsoHasAField() {
            Condition mixed = new Condition("country", null, null, "$[?(@.country)]");

            Refusal refusal = refusalOf(linkClickedAction(mixed));

            assertInvalidAction(refusal, "takes no field, op or value");
        }
    }

    @Nested
    class EventNames {

        @Test
        void refusesAnEventNameKeyThatIsNotAnEventType() {
            ActionDraft draft = withEventNames(Map.of("page_viewed", "Page Viewed"));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "'page_viewed'");
        }

        @Test
        void refusesABlankEventName() {
            ActionDraft draft = withEventNames(Map.of("link_clicked", " "));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "event_names.link_clicked");
        }
    }

    @Nested
    class StaticValues {

        @Test
        void refusesAnObjectAsStaticValue() {
            ActionDraft draft =
                    withMapping(new Mapping(null, Map.of("source", NODES.objectNode()), null));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "mapping.static.source");
        }

        @Test
        void refusesNullAsStaticValue() {
            Map<String, JsonNode> statics = new LinkedHashMap<>();
            statics.put("source", NODES.nullNode());
            ActionDraft draft = withMapping(new Mapping(null, statics, null));

            Refusal refusal = refusalOf(draft);

            assertInvalidAction(refusal, "mapping.static.source");
        }
    }

    private static ActionDraft linkClickedAction(Condition... conditions) {
        Trigger trigger =
                new Trigger(
                        List.of(EventType.LINK_CLICKED),
                        null,
                        List.of(conditions),
                        Trigger.Match.ALL,
                        false);
        return withTrigger(trigger);
    }

    private static ActionDraft fullAction() {
        Trigger trigger =
                new Trigger(
                        List.of(EventType.LINK_CLICKED, EventType.CONVERSION),
                        List.of("Signup"),
                        List.of(
                                condition("country", Operator.IN, list("US", "CA")),
                                condition("utm_source", Operator.STARTS_WITH, text("news")),
                                condition("revenue", Operator.GT, NODES.numberNode(9.5)),
                                condition("is_bot", Operator.NOT_EQUALS, NODES.booleanNode(true)),
                                jsonPath("$[?(@.device_category == 'mobile')]")),
                        Trigger.Match.ANY,
                        true);
        Mapping mapping =
                new Mapping(
                        Map.of("short_url", "link"),
                        Map.of("source", text("nimriz"), "weight", NODES.numberNode(2)),
                        List.of("city"));
        return new ActionDraft(
                "Everything", trigger, Map.of("conversion", "Signed Up"), mapping, true);
    }

    private static ActionDraft named(String name) {
        ActionDraft base = linkClickedAction();
        return new ActionDraft(name, base.trigger(), null, null, null);
    }

    private static ActionDraft withTrigger(Trigger trigger) {
        return new ActionDraft("Link clicks", trigger, null, null, null);
    }

    private static ActionDraft withMapping(Mapping mapping) {
        return new ActionDraft("Link clicks", linkClickedAction().trigger(), null, mapping, null);
    }

    private static ActionDraft withEventNames(Map<String, String> eventNames) {
        return new ActionDraft(
                "Link clicks", linkClickedAction().trigger(), eventNames, null, null);
    }

    private static Trigger trigger(List<EventType> eventTypes) {
        return new Trigger(eventTypes, null, null, null, null);
    }

    private static Condition condition(String field, Operator op, JsonNode value) {
        return new Condition(field, op, value, null);
    }

    private static Condition jsonPath(String expression) {
        return new Condition(null, null, null, expression);
    }

    private static JsonNode text(String value) {
        return NODES.textNode(value);
    }

    private static ArrayNode list(String... values) {
        ArrayNode array = NODES.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }

    private static Refusal refusalOf(ActionDraft draft) {
        Throwable thrown = catchThrowable(() -> ActionRules.check(draft));
        assertThat(thrown).isInstanceOf(Refusal.class);
        return (Refusal) thrown;
    }

    private static void assertInvalidAction(Refusal refusal, String messagePart) {
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("invalid_action");
        assertThat(refusal.getMessage()).contains(messagePart);
    }

    private static void assertPiiRefusal(Refusal refusal, String field, String where) {
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.code()).isEqualTo("pii_field");
        assertThat(refusal.getMessage()).contains("'" + field + "'").contains(where);
    }
}
