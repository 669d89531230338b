package com.nimriz.hub.destination;

import static com.nimriz.hub.destination.Operator.CONTAINS;
import static com.nimriz.hub.destination.Operator.EQUALS;
import static com.nimriz.hub.destination.Operator.EXISTS;
import static com.nimriz.hub.destination.Operator.GT;
import static com.nimriz.hub.destination.Operator.IN;
import static com.nimriz.hub.destination.Operator.LT;
import static com.nimriz.hub.destination.Operator.NOT_EQUALS;
import static com.nimriz.hub.destination.Operator.NOT_EXISTS;
import static com.nimriz.hub.destination.Operator.NOT_IN;
import static com.nimriz.hub.destination.Operator.STARTS_WITH;
import static com.nimriz.hub.destination.SkipReason.BOT;
import static com.nimriz.hub.destination.SkipReason.CONDITIONS_NOT_MET;
import static com.nimriz.hub.destination.SkipReason.CONVERSION_NAME_NOT_SELECTED;
import static com.nimriz.hub.destination.SkipReason.EVENT_TYPE_NOT_SELECTED;
import static com.nimriz.hub.event.CanonicalField.CONVERSION_NAME;
import static com.nimriz.hub.event.CanonicalField.COUNTRY;
import static com.nimriz.hub.event.CanonicalField.CUSTOMER_EMAIL;
import static com.nimriz.hub.event.CanonicalField.EVENT_TYPE;
import static com.nimriz.hub.event.CanonicalField.IP;
import static com.nimriz.hub.event.CanonicalField.IP_HASH;
import static com.nimriz.hub.event.CanonicalField.IS_BOT;
import static com.nimriz.hub.event.CanonicalField.OCCURRED_AT;
import static com.nimriz.hub.event.CanonicalField.REVENUE;
import static com.nimriz.hub.event.CanonicalField.USER_AGENT;
import static com.nimriz.hub.event.CanonicalField.UTM_CAMPAIGN;
import static com.nimriz.hub.event.CanonicalField.UTM_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimriz.hub.destination.Trigger.Condition;
import com.nimriz.hub.destination.Trigger.Match;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<EventType> EVERY_TYPE = List.of(EventType.values());

    private static final List<String> NORTH_AMERICA = List.of("US", "CA", "MX");

    private static CamelContext camelContext;

    private static TriggerMatcher matcher;

    @BeforeAll
    static void startCamel() {
        camelContext = new DefaultCamelContext();
        camelContext.start();
        matcher = new TriggerMatcher(camelContext);
    }

    @AfterAll
    static void stopCamel() {
        camelContext.stop();
    }

    @Nested
    class EventTypes {

        @ParameterizedTest
        @EnumSource(EventType.class)
        void matchesEveryEventTypeTheTriggerSelects(EventType type) {
            CanonicalEvent event = eventOf(type).build();

            Optional<SkipReason> reason = matcher.skipReason(event, trigger());

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsAnEventTypeTheTriggerDoesNotSelect() {
            Trigger clicksOnly = triggerFor(EventType.LINK_CLICKED);

            Optional<SkipReason> reason = matcher.skipReason(qrScanned().build(), clicksOnly);

            assertThat(reason).contains(EVENT_TYPE_NOT_SELECTED);
        }

        @Test
        void reportsTheEventTypeBeforeEveryOtherReason() {
            CanonicalEvent botConversion = conversion("Refund").with(IS_BOT, true).build();
            Trigger trigger =
                    new Trigger(
                            List.of(EventType.LINK_CLICKED),
                            List.of("Signup"),
                            List.of(condition(COUNTRY, EXISTS, null)),
                            Match.ALL,
                            false);

            Optional<SkipReason> reason = matcher.skipReason(botConversion, trigger);

            assertThat(reason).contains(EVENT_TYPE_NOT_SELECTED);
        }
    }

    @Nested
    class Bots {

        @Test
        void skipsBotsByDefault() {
            CanonicalEvent bot = clickWith(IS_BOT, true);

            Optional<SkipReason> reason = matcher.skipReason(bot, trigger());

            assertThat(reason).contains(BOT);
        }

        @Test
        void matchesBotsWhenTheTriggerIncludesThem() {
            CanonicalEvent bot = clickWith(IS_BOT, true);
            Trigger includingBots = new Trigger(EVERY_TYPE, null, null, null, true);

            Optional<SkipReason> reason = matcher.skipReason(bot, includingBots);

            assertThat(reason).isEmpty();
        }

        @Test
        void matchesAnEventMarkedAsNoBot() {
            CanonicalEvent human = clickWith(IS_BOT, false);

            Optional<SkipReason> reason = matcher.skipReason(human, trigger());

            assertThat(reason).isEmpty();
        }

        @Test
        void treatsAnEventWithoutIsBotAsNoBot() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = matcher.skipReason(event, trigger());

            assertThat(reason).isEmpty();
        }

        @Test
        void reportsABotBeforeItsConversionNameAndConditions() {
            CanonicalEvent botConversion = conversion("Refund").with(IS_BOT, true).build();
            Trigger trigger =
                    new Trigger(
                            EVERY_TYPE,
                            List.of("Signup"),
                            List.of(condition(COUNTRY, EXISTS, null)),
                            Match.ALL,
                            false);

            Optional<SkipReason> reason = matcher.skipReason(botConversion, trigger);

            assertThat(reason).contains(BOT);
        }
    }

    @Nested
    class ConversionNames {

        @Test
        void matchesEveryConversionWhenTheListIsEmpty() {
            CanonicalEvent event = conversion("Anything").build();

            Optional<SkipReason> reason =
                    matcher.skipReason(event, triggerFor(EventType.CONVERSION));

            assertThat(reason).isEmpty();
        }

        @Test
        void matchesAConversionTheListNames() {
            CanonicalEvent event = conversion("Purchase").build();

            Optional<SkipReason> reason =
                    matcher.skipReason(event, conversionsNamed("Signup", "Purchase"));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsAConversionTheListDoesNotName() {
            CanonicalEvent event = conversion("Refund").build();

            Optional<SkipReason> reason =
                    matcher.skipReason(event, conversionsNamed("Signup", "Purchase"));

            assertThat(reason).contains(CONVERSION_NAME_NOT_SELECTED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"signup", "SIGNUP", "Signup ", " Signup", "Sign up"})
        void comparesConversionNamesExactly(String name) {
            CanonicalEvent event = conversion(name).build();

            Optional<SkipReason> reason = matcher.skipReason(event, conversionsNamed("Signup"));

            assertThat(reason).contains(CONVERSION_NAME_NOT_SELECTED);
        }

        @ParameterizedTest
        @EnumSource(
                value = EventType.class,
                names = {"LINK_CLICKED", "QR_SCANNED"})
        void leavesOtherEventTypesUnaffectedByTheList(EventType type) {
            CanonicalEvent event = eventOf(type).build();

            Optional<SkipReason> reason = matcher.skipReason(event, conversionsNamed("Signup"));

            assertThat(reason).isEmpty();
        }

        @Test
        void reportsTheConversionNameBeforeConditions() {
            CanonicalEvent event = conversion("Refund").build();
            Trigger trigger =
                    new Trigger(
                            EVERY_TYPE,
                            List.of("Signup"),
                            List.of(condition(COUNTRY, EXISTS, null)),
                            Match.ALL,
                            false);

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).contains(CONVERSION_NAME_NOT_SELECTED);
        }
    }

    @Nested
    class CombiningConditions {

        private final Condition fromUs = condition(COUNTRY, EQUALS, "US");

        private final Condition fromNewsletter = condition(UTM_SOURCE, EQUALS, "news");

        @Test
        void matchesWhenThereAreNoConditionsUnderAll() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = matcher.skipReason(event, trigger());

            assertThat(reason).isEmpty();
        }

        @Test
        void matchesWhenThereAreNoConditionsUnderAny() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = matcher.skipReason(event, anyOf());

            assertThat(reason).isEmpty();
        }

        @Test
        void allMatchesWhenEveryConditionHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "news").build();

            Optional<SkipReason> reason =
                    matcher.skipReason(event, trigger(fromUs, fromNewsletter));

            assertThat(reason).isEmpty();
        }

        @Test
        void allSkipsWhenOneConditionFails() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "ads").build();

            Optional<SkipReason> reason =
                    matcher.skipReason(event, trigger(fromUs, fromNewsletter));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void anyMatchesWhenOneConditionHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "ads").build();

            Optional<SkipReason> reason = matcher.skipReason(event, anyOf(fromUs, fromNewsletter));

            assertThat(reason).isEmpty();
        }

        @Test
        void anySkipsWhenNoConditionHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "CA").with(UTM_SOURCE, "ads").build();

            Optional<SkipReason> reason = matcher.skipReason(event, anyOf(fromUs, fromNewsletter));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void combinesUnderAllWhenTheTriggerNamesNoMatch() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "ads").build();
            Trigger noMatch =
                    new Trigger(EVERY_TYPE, null, List.of(fromUs, fromNewsletter), null, null);

            Optional<SkipReason> reason = matcher.skipReason(event, noMatch);

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class Equals {

        @Test
        void matchesTheSameString() {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, EQUALS, "US"));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsAnotherString() {
            CanonicalEvent event = clickWith(COUNTRY, "CA");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, EQUALS, "US"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, EQUALS, "US"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void comparesStringsCaseSensitively() {
            CanonicalEvent event = clickWith(UTM_SOURCE, "News");

            Optional<SkipReason> reason = skipReason(event, condition(UTM_SOURCE, EQUALS, "news"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @CsvSource({"10, 10", "10, 10.0", "10.0, 10", "10.50, 10.5", "1E+1, 10", "-0.0, 0"})
        void comparesNumbersNumerically(String revenue, String value) throws Exception {
            CanonicalEvent event = purchaseOf(revenue);
            Condition condition = new Condition("revenue", EQUALS, JSON.readTree(value), null);

            Optional<SkipReason> reason = skipReason(event, condition);

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsAnotherNumber() {
            CanonicalEvent event = purchaseOf("10.01");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, EQUALS, 10));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @CsvSource({"false, false, true", "false, true, false", "true, true, true"})
        void comparesBooleans(boolean isBot, boolean value, boolean matches) {
            CanonicalEvent event = clickWith(IS_BOT, isBot);
            Trigger trigger =
                    new Trigger(
                            EVERY_TYPE,
                            null,
                            List.of(condition(IS_BOT, EQUALS, value)),
                            null,
                            true);

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason)
                    .isEqualTo(matches ? Optional.empty() : Optional.of(CONDITIONS_NOT_MET));
        }

        @Test
        void neverEquatesANumberWithItsText() {
            CanonicalEvent event = purchaseOf("10");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, EQUALS, "10"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void neverEquatesTextWithANumber() {
            CanonicalEvent event = clickWith(UTM_SOURCE, "10");

            Optional<SkipReason> reason = skipReason(event, condition(UTM_SOURCE, EQUALS, 10));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void neverEquatesABooleanWithItsText() {
            CanonicalEvent event = clickWith(IS_BOT, false);

            Optional<SkipReason> reason = skipReason(event, condition(IS_BOT, EQUALS, "false"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void comparesTheEventTypeByItsWireName() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(EVENT_TYPE, EQUALS, "link_clicked"));

            assertThat(reason).isEmpty();
        }

        @Test
        void seesOccurredAtAsIsoTextInUtc() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(OCCURRED_AT, EQUALS, "2026-12-03T10:15:30Z"));

            assertThat(reason).isEmpty();
        }
    }

    @Nested
    class NotEquals {

        @Test
        void matchesAnotherValue() {
            CanonicalEvent event = clickWith(COUNTRY, "CA");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, NOT_EQUALS, "US"));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsTheSameValue() {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, NOT_EQUALS, "US"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsTheSameNumberWrittenDifferently() {
            CanonicalEvent event = purchaseOf("10");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, NOT_EQUALS, 10.0));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void matchesAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, NOT_EQUALS, "US"));

            assertThat(reason).isEmpty();
        }
    }

    @Nested
    class In {

        @Test
        void matchesWhenOneElementEquals() {
            CanonicalEvent event = clickWith(COUNTRY, "CA");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, IN, NORTH_AMERICA));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsWhenNoElementEquals() {
            CanonicalEvent event = clickWith(COUNTRY, "DE");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, IN, NORTH_AMERICA));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, IN, NORTH_AMERICA));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void comparesNumbersNumerically() {
            CanonicalEvent event = purchaseOf("10");

            Optional<SkipReason> reason =
                    skipReason(event, condition(REVENUE, IN, List.of(5.0, 10.0)));

            assertThat(reason).isEmpty();
        }

        @Test
        void comparesEachElementByItsOwnType() {
            CanonicalEvent event = clickWith(UTM_SOURCE, "10");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_SOURCE, IN, List.of(10, true)));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class NotIn {

        @Test
        void matchesWhenNoElementEquals() {
            CanonicalEvent event = clickWith(COUNTRY, "DE");

            Optional<SkipReason> reason =
                    skipReason(event, condition(COUNTRY, NOT_IN, NORTH_AMERICA));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsWhenOneElementEquals() {
            CanonicalEvent event = clickWith(COUNTRY, "MX");

            Optional<SkipReason> reason =
                    skipReason(event, condition(COUNTRY, NOT_IN, NORTH_AMERICA));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void matchesAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(COUNTRY, NOT_IN, NORTH_AMERICA));

            assertThat(reason).isEmpty();
        }
    }

    @Nested
    class Contains {

        @Test
        void matchesASubstring() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "spring-sale-2026");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, CONTAINS, "sale"));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsTextWithoutTheSubstring() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "spring-2026");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, CONTAINS, "sale"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, CONTAINS, "sale"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void isCaseSensitive() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "spring-SALE");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, CONTAINS, "sale"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsANumber() {
            CanonicalEvent event = purchaseOf("120");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, CONTAINS, "12"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsABoolean() {
            CanonicalEvent event = clickWith(IS_BOT, false);

            Optional<SkipReason> reason = skipReason(event, condition(IS_BOT, CONTAINS, "false"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class StartsWith {

        @Test
        void matchesAPrefix() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "spring-sale");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, STARTS_WITH, "spring"));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsTextWithAnotherPrefix() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "big-spring-sale");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, STARTS_WITH, "spring"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, STARTS_WITH, "spring"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void isCaseSensitive() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "Spring-sale");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_CAMPAIGN, STARTS_WITH, "spring"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsANumber() {
            CanonicalEvent event = purchaseOf("120");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, STARTS_WITH, "12"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void seesOccurredAtAsIsoText() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(OCCURRED_AT, STARTS_WITH, "2026-12-03T"));

            assertThat(reason).isEmpty();
        }
    }

    @Nested
    class ExistsAndNotExists {

        @Test
        void existsMatchesAPresentField() {
            CanonicalEvent event = clickWith(UTM_SOURCE, "news");

            Optional<SkipReason> reason = skipReason(event, condition(UTM_SOURCE, EXISTS, null));

            assertThat(reason).isEmpty();
        }

        @Test
        void existsSkipsAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = skipReason(event, condition(UTM_SOURCE, EXISTS, null));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void existsMatchesAFieldWhoseValueIsFalse() {
            CanonicalEvent event = clickWith(IS_BOT, false);

            Optional<SkipReason> reason = skipReason(event, condition(IS_BOT, EXISTS, null));

            assertThat(reason).isEmpty();
        }

        @Test
        void notExistsMatchesAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_SOURCE, NOT_EXISTS, null));

            assertThat(reason).isEmpty();
        }

        @Test
        void notExistsSkipsAPresentField() {
            CanonicalEvent event = clickWith(UTM_SOURCE, "news");

            Optional<SkipReason> reason =
                    skipReason(event, condition(UTM_SOURCE, NOT_EXISTS, null));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class GreaterThan {

        @Test
        void matchesALargerNumber() {
            CanonicalEvent event = purchaseOf("10.01");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, GT, 10));

            assertThat(reason).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"10", "10.00", "9.99", "-20"})
        void skipsAnEqualOrSmallerNumber(String revenue) {
            CanonicalEvent event = purchaseOf(revenue);

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, GT, 10));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAnAbsentField() {
            CanonicalEvent event = conversion("Purchase").build();

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, GT, 0));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsTextThatLooksLikeANumber() {
            CanonicalEvent event = clickWith(UTM_SOURCE, "20");

            Optional<SkipReason> reason = skipReason(event, condition(UTM_SOURCE, GT, 10));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsOccurredAt() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = skipReason(event, condition(OCCURRED_AT, GT, 0));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class LessThan {

        @Test
        void matchesASmallerNumber() {
            CanonicalEvent event = purchaseOf("-0.5");

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, LT, 0));

            assertThat(reason).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"100", "100.0", "100.5", "1E+3"})
        void skipsAnEqualOrLargerNumber(String revenue) {
            CanonicalEvent event = purchaseOf(revenue);

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, LT, 100.0));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAnAbsentField() {
            CanonicalEvent event = conversion("Purchase").build();

            Optional<SkipReason> reason = skipReason(event, condition(REVENUE, LT, 1_000_000));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsAFieldThatIsNoNumber() {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, condition(COUNTRY, LT, 10));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class FieldsNoConditionMayRead {

        @ParameterizedTest
        @EnumSource(
                value = Operator.class,
                names = {"EQUALS", "IN", "STARTS_WITH", "CONTAINS", "EXISTS"})
        void neverMatchesAConditionOnTheIpHoweverItIsPhrased(Operator op) {
            CanonicalEvent event = clickWith(IP, "203.0.113.7");
            Object value =
                    switch (op) {
                        case EXISTS -> null;
                        case IN -> List.of("203.0.113.7");
                        default -> "203.0.113.7";
                    };

            Optional<SkipReason> reason = skipReason(event, condition(IP, op, value));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @EnumSource(
                value = CanonicalField.class,
                names = {"IP_HASH", "USER_AGENT", "REFERRER_URL", "CUSTOMER_EMAIL", "CUSTOMER_ID"})
        void treatsFieldsThatAreNotShareableAsAbsent(CanonicalField field) {
            CanonicalEvent event = clickWith(field, "present");

            Optional<SkipReason> reason = skipReason(event, condition(field, EXISTS, null));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void matchesNotExistsOnPiiTheEventCarries() {
            CanonicalEvent event = clickWith(CUSTOMER_EMAIL, "ada@example.com");

            Optional<SkipReason> reason =
                    skipReason(event, condition(CUSTOMER_EMAIL, NOT_EXISTS, null));

            assertThat(reason).isEmpty();
        }

        @Test
        void neverMatchesAConditionWithoutAField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason =
                    skipReason(event, new Condition(null, NOT_EXISTS, null, null));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void treatsAFieldTheEventDoesNotKnowAsAbsent() {
            CanonicalEvent event = linkClicked().build();
            Trigger trigger =
                    anyOf(
                            new Condition("favourite_colour", EXISTS, null, null),
                            new Condition(
                                    "favourite_colour", EQUALS, JSON.valueToTree("blue"), null));

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }
    }

    @Nested
    class JsonPathConditions {

        private final Condition usByPath = jsonPath("$[?(@.country == 'US')]");

        @Test
        void matchesWhenThePredicateSelectsTheEvent() {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, usByPath);

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsWhenThePredicateSelectsNothing() {
            CanonicalEvent event = clickWith(COUNTRY, "CA");

            Optional<SkipReason> reason = skipReason(event, usByPath);

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsWhenThePredicateNamesAnAbsentField() {
            CanonicalEvent event = linkClicked().build();

            Optional<SkipReason> reason = skipReason(event, usByPath);

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "$[?(@.revenue > 10)] | 12.5",
                    "$[?(@.revenue == 10)] | 10.0",
                    "$[?(@.revenue in [5, 10])] | 10.00",
                    "$[?(@.revenue < 0)] | -1"
                })
        void comparesTheRevenueAsANumber(String expression, String revenue) {
            CanonicalEvent event = purchaseOf(revenue);

            Optional<SkipReason> reason = skipReason(event, jsonPath(expression));

            assertThat(reason).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"10", "10.0", "9.99"})
        void skipsARevenueTheNumericPredicateRejects(String revenue) {
            CanonicalEvent event = purchaseOf(revenue);

            Optional<SkipReason> reason = skipReason(event, jsonPath("$[?(@.revenue > 10)]"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "$[?(@.is_bot == false)]",
                    "$[?(@.event_type == 'link_clicked')]",
                    "$[?(@.occurred_at == '2026-12-03T10:15:30Z')]",
                    "$[?(@.workspace_id == 'ws_acme' && @.link_id == 'lnk_1')]",
                    "$[?(@.utm_campaign =~ /spring-.*/)]"
                })
        void seesEachShareableFieldAsItIsSent(String expression) {
            CanonicalEvent event =
                    linkClicked().with(IS_BOT, false).with(UTM_CAMPAIGN, "spring-sale").build();

            Optional<SkipReason> reason = skipReason(event, jsonPath(expression));

            assertThat(reason).isEmpty();
        }

        @Test
        void holdsForAPlainPathThatFindsAValue() {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, jsonPath("$.country"));

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsForAPlainPathThatFindsFalse() {
            CanonicalEvent event = clickWith(IS_BOT, false);

            Optional<SkipReason> reason = skipReason(event, jsonPath("$.is_bot"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void skipsForAPlainPathThatFindsNothing() {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, jsonPath("$.utm_source"));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void matchesWithFieldConditionsUnderAllWhenEveryOneHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "ads").build();
            Trigger trigger = trigger(usByPath, condition(UTM_SOURCE, EQUALS, "ads"));

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsWithFieldConditionsUnderAllWhenTheFieldConditionFails() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "ads").build();
            Trigger trigger = trigger(usByPath, condition(UTM_SOURCE, EQUALS, "news"));

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void matchesWithFieldConditionsUnderAnyWhenOnlyTheFieldConditionHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "CA").with(UTM_SOURCE, "ads").build();
            Trigger trigger = anyOf(usByPath, condition(UTM_SOURCE, EQUALS, "ads"));

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).isEmpty();
        }

        @Test
        void matchesWithFieldConditionsUnderAnyWhenOnlyThePredicateHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "US").with(UTM_SOURCE, "ads").build();
            Trigger trigger = anyOf(condition(UTM_SOURCE, EQUALS, "news"), usByPath);

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).isEmpty();
        }

        @Test
        void skipsWithFieldConditionsUnderAnyWhenNoneHolds() {
            CanonicalEvent event =
                    linkClicked().with(COUNTRY, "CA").with(UTM_SOURCE, "ads").build();
            Trigger trigger = anyOf(usByPath, condition(UTM_SOURCE, EQUALS, "news"));

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "$[?(@.ip == '203.0.113.7')]",
                    "$[?(@.ip)]",
                    "$.ip",
                    "$..ip",
                    "$[?(@.ip_hash == 'c6a965f4d19d4820')]",
                    "$[?(@.customer_email =~ /.*@example.com/)]",
                    "$[?(@.user_agent)]"
                })
        void neverSeesPiiOrTheIpHashEvenWhenTheEventCarriesThem(String expression) {
            CanonicalEvent event =
                    linkClicked()
                            .with(IP, "203.0.113.7")
                            .with(IP_HASH, "c6a965f4d19d4820")
                            .with(CUSTOMER_EMAIL, "ada@example.com")
                            .with(USER_AGENT, "Mozilla/5.0")
                            .build();

            Optional<SkipReason> reason = skipReason(event, jsonPath(expression));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"$[?(", "$.country.avg()", "not a path at all", "", "$[?(@.a <> 1)]"})
        void treatsAnExpressionThatFailsAsNotHolding(String expression) {
            CanonicalEvent event = clickWith(COUNTRY, "US");

            Optional<SkipReason> reason = skipReason(event, jsonPath(expression));

            assertThat(reason).contains(CONDITIONS_NOT_MET);
        }

        @Test
        void letsAnotherConditionMatchUnderAnyWhenAnExpressionFails() {
            CanonicalEvent event = clickWith(COUNTRY, "US");
            Trigger trigger = anyOf(jsonPath("$.country.avg()"), condition(COUNTRY, EQUALS, "US"));

            Optional<SkipReason> reason = matcher.skipReason(event, trigger);

            assertThat(reason).isEmpty();
        }

        @Test
        void readsDollarBracesAsTextRatherThanAsCamelSimple() {
            CanonicalEvent event = clickWith(UTM_CAMPAIGN, "${camelId}");

            Optional<SkipReason> reason =
                    skipReason(event, jsonPath("$[?(@.utm_campaign == '${camelId}')]"));

            assertThat(reason).isEmpty();
        }

        @Test
        void givesTheSameAnswerEachTimeAnExpressionIsReused() {
            CanonicalEvent us = clickWith(COUNTRY, "US");
            CanonicalEvent ca = clickWith(COUNTRY, "CA");

            List<Optional<SkipReason>> reasons =
                    List.of(
                            skipReason(us, usByPath),
                            skipReason(ca, usByPath),
                            skipReason(us, usByPath),
                            skipReason(ca, usByPath));

            assertThat(reasons)
                    .containsExactly(
                            Optional.empty(),
                            Optional.of(CONDITIONS_NOT_MET),
                            Optional.empty(),
                            Optional.of(CONDITIONS_NOT_MET));
        }
    }

    @Nested
    class SkipReasonCodes {

        @ParameterizedTest
        @CsvSource({
            "EVENT_TYPE_NOT_SELECTED, event_type_not_selected",
            "BOT, bot",
            "CONVERSION_NAME_NOT_SELECTED, conversion_name_not_selected",
            "CONDITIONS_NOT_MET, conditions_not_met"
        })
        void labelsEachReasonWithAStableSnakeCaseCode(SkipReason reason, String code) {
            String label = reason.code();

            assertThat(label).isEqualTo(code);
        }

        @Test
        void writesTheCodeAsTheReasonsJson() throws Exception {
            String json = JSON.writeValueAsString(CONVERSION_NAME_NOT_SELECTED);

            assertThat(json).isEqualTo("\"conversion_name_not_selected\"");
        }
    }

    /** The skip reason under a trigger of every event type with this one condition. */
    private Optional<SkipReason> skipReason(CanonicalEvent event, Condition condition) {
        return matcher.skipReason(event, trigger(condition));
    }

    private static EventBuilder linkClicked() {
        return eventOf(EventType.LINK_CLICKED);
    }

    private static CanonicalEvent clickWith(CanonicalField field, Object value) {
        return linkClicked().with(field, value).build();
    }

    private static EventBuilder qrScanned() {
        return eventOf(EventType.QR_SCANNED).with(CanonicalField.QR_ID, "qr_1");
    }

    private static EventBuilder conversion(String name) {
        return eventOf(EventType.CONVERSION).with(CONVERSION_NAME, name);
    }

    private static CanonicalEvent purchaseOf(String revenue) {
        return conversion("Purchase").with(REVENUE, new BigDecimal(revenue)).build();
    }

    private static EventBuilder eventOf(EventType type) {
        EventBuilder event =
                new EventBuilder()
                        .with(CanonicalField.EVENT_ID, "evt_1")
                        .with(EVENT_TYPE, type.wireName())
                        .with(OCCURRED_AT, Instant.parse("2026-12-03T10:15:30Z"))
                        .with(CanonicalField.WORKSPACE_ID, "ws_acme")
                        .with(CanonicalField.LINK_ID, "lnk_1");
        return type == EventType.CONVERSION ? event.with(CONVERSION_NAME, "Signup") : event;
    }

    /** Every event type, every condition must hold, bots excluded. */
    private static Trigger trigger(Condition... conditions) {
        return new Trigger(EVERY_TYPE, null, List.of(conditions), Match.ALL, false);
    }

    private static Trigger anyOf(Condition... conditions) {
        return new Trigger(EVERY_TYPE, null, List.of(conditions), Match.ANY, false);
    }

    private static Trigger triggerFor(EventType type) {
        return new Trigger(List.of(type), null, null, null, null);
    }

    private static Trigger conversionsNamed(String... names) {
        return new Trigger(EVERY_TYPE, List.of(names), null, null, null);
    }

    private static Condition condition(CanonicalField field, Operator op, Object value) {
        return new Condition(
                field.wireName(), op, value == null ? null : JSON.valueToTree(value), null);
    }

    private static Condition jsonPath(String expression) {
        return new Condition(null, null, null, expression);
    }

    private static final class EventBuilder {

        private final Map<CanonicalField, Object> fields = new EnumMap<>(CanonicalField.class);

        EventBuilder with(CanonicalField field, Object value) {
            fields.put(field, value);
            return this;
        }

        CanonicalEvent build() {
            return new CanonicalEvent(fields);
        }
    }
}
