package com.nimriz.hub.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimriz.hub.destination.Action;
import com.nimriz.hub.destination.Mapping;
import com.nimriz.hub.destination.Trigger;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.event.EventType;
import com.nimriz.hub.event.EventValidator;
import com.nimriz.hub.event.EventVerdict;
import com.nimriz.hub.privacy.IpAddresses;
import com.nimriz.hub.privacy.IpHash;
import com.nimriz.hub.workspace.Plan;
import com.nimriz.hub.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentMessageMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first salt of the SPEC section 3.1 test vectors. */
    private static final byte[] SALT =
            HexFormat.of()
                    .parseHex("245bfda5c41e8f59e1328bf8906626c2fcf0ec5542459bb3708e4739c4683995");

    /** An ip_hash as the click pipeline would send it, made with a salt the hub never sees. */
    private static final String EVENT_IP_HASH = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");

    private static final long RANDOM_SEED = 20261203L;

    private static final int RANDOM_EVENTS = 500;

    private final SegmentMessageMapper mapper = SegmentMessageMapper.of("0.1.0");

    @Nested
    class Golden {

        @Test
        void mapsALinkClick() throws IOException {
            MappedMessage mapped = mapper.map(linkClickedEvent(), workspace(), action(), daySalt());

            assertMatchesGolden(mapped, "link-clicked.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.COMPUTED_IP_HASH);
        }

        @Test
        void mapsALinkClickUnderStrictPrivacy() throws IOException {
            MappedMessage mapped =
                    mapper.map(linkClickedEvent(), strictWorkspace(), action(), daySalt());

            assertMatchesGolden(mapped, "link-clicked-strict-privacy.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.STRICT_PRIVACY);
        }

        @Test
        void mapsAQrScan() throws IOException {
            MappedMessage mapped = mapper.map(qrScannedEvent(), workspace(), action(), daySalt());

            assertMatchesGolden(mapped, "qr-scanned.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.COMPUTED_IP_HASH);
        }

        @Test
        void mapsAQrScanUnderStrictPrivacy() throws IOException {
            MappedMessage mapped =
                    mapper.map(qrScannedEvent(), strictWorkspace(), action(), daySalt());

            assertMatchesGolden(mapped, "qr-scanned-strict-privacy.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.STRICT_PRIVACY);
        }

        @Test
        void mapsAConversion() throws IOException {
            MappedMessage mapped = mapper.map(conversionEvent(), workspace(), action(), daySalt());

            assertMatchesGolden(mapped, "conversion.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.COMPUTED_IP_HASH);
        }

        @Test
        void mapsAConversionUnderStrictPrivacy() throws IOException {
            MappedMessage mapped =
                    mapper.map(conversionEvent(), strictWorkspace(), action(), daySalt());

            assertMatchesGolden(mapped, "conversion-strict-privacy.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.STRICT_PRIVACY);
        }

        @Test
        void mapsALinkClickThroughAnActionWithOverrides() throws IOException {
            MappedMessage mapped =
                    mapper.map(linkClickedEvent(), workspace(), actionWithOverrides(), daySalt());

            assertMatchesGolden(mapped, "link-clicked-with-overrides.json");
        }

        @Test
        void mapsALinkClickWithTheEventsOwnIpHash() throws IOException {
            CanonicalEvent event = canonical(linkClicked().put("ip_hash", EVENT_IP_HASH));

            MappedMessage mapped = mapper.map(event, workspace(), action(), daySalt());

            assertMatchesGolden(mapped, "link-clicked-with-event-ip-hash.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.EVENT_IP_HASH);
        }

        @Test
        void mapsALinkClickWithNeitherIpNorIpHash() throws IOException {
            ObjectNode json = linkClicked();
            json.remove(List.of("ip", "click_id"));

            MappedMessage mapped = mapper.map(canonical(json), workspace(), action(), daySalt());

            assertMatchesGolden(mapped, "link-clicked-without-ip.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.NO_IP);
        }

        @Test
        void mapsALinkClickOfADayWhoseSaltExpired() throws IOException {
            MappedMessage mapped =
                    mapper.map(linkClickedEvent(), workspace(), action(), Optional.empty());

            assertMatchesGolden(mapped, "link-clicked-with-expired-salt.json");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.SALT_EXPIRED);
        }
    }

    @Nested
    class Envelope {

        @Test
        void writesSegmentsFieldsInCamelCaseAndInOrder() {
            ObjectNode message = mapLinkClicked().message();

            assertThat(message.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "type",
                            "event",
                            "anonymousId",
                            "messageId",
                            "timestamp",
                            "properties",
                            "context");
            assertThat(message.get("type").asText()).isEqualTo("track");
        }

        @Test
        void derivesTheMessageIdFromWorkspaceActionAndEvent() {
            ObjectNode message = mapLinkClicked().message();

            assertThat(message.get("messageId").asText())
                    .isEqualTo("nmz-d05de6312859ce3d4c5c8aafd9cd6677c1f3e1d5");
        }

        @ParameterizedTest
        @CsvSource({
            "2026-12-03T10:15:30Z, 2026-12-03T10:15:30.000Z",
            "2026-12-03T10:15:30.5Z, 2026-12-03T10:15:30.500Z",
            "2026-12-03T10:15:30.123456789Z, 2026-12-03T10:15:30.123Z",
            "2026-12-03T11:15:30.250+01:00, 2026-12-03T10:15:30.250Z",
            "2026-12-03T23:30:00-02:00, 2026-12-04T01:30:00.000Z"
        })
        void writesTheTimestampInUtcWithMilliseconds(String occurredAt, String expected) {
            CanonicalEvent event = canonical(linkClicked().put("occurred_at", occurredAt));

            ObjectNode message = mapper.map(event, workspace(), action(), daySalt()).message();

            assertThat(message.get("timestamp").asText()).isEqualTo(expected);
        }

        @Test
        void addsNoIdentifierOfTheEventOrWorkspaceToProperties() {
            ObjectNode properties = propertiesOf(mapLinkClicked());

            assertThat(properties.has("event_id")).isFalse();
            assertThat(properties.has("event_type")).isFalse();
            assertThat(properties.has("occurred_at")).isFalse();
            assertThat(properties.has("workspace_id")).isFalse();
        }
    }

    @Nested
    class EventName {

        @ParameterizedTest
        @CsvSource({"link_clicked, Link Clicked", "qr_scanned, QR Scanned"})
        void namesClicksAndScansAfterTheirType(String eventType, String expected) {
            CanonicalEvent event = canonical(linkClicked().put("event_type", eventType));

            ObjectNode message = mapper.map(event, workspace(), action(), daySalt()).message();

            assertThat(message.get("event").asText()).isEqualTo(expected);
        }

        @Test
        void namesAConversionAfterItsConversionName() {
            ObjectNode message =
                    mapper.map(conversionEvent(), workspace(), action(), daySalt()).message();

            assertThat(message.get("event").asText()).isEqualTo("Signup");
        }

        @Test
        void usesTheActionsOverrideForTheEventsType() {
            Action action = action(Map.of("conversion", "Trial Started"), Mapping.none());

            ObjectNode message =
                    mapper.map(conversionEvent(), workspace(), action, daySalt()).message();

            assertThat(message.get("event").asText()).isEqualTo("Trial Started");
        }

        @Test
        void keepsTheDefaultNameWhenOnlyAnotherTypeIsOverridden() {
            Action action = action(Map.of("qr_scanned", "QR Code Scanned"), Mapping.none());

            ObjectNode message =
                    mapper.map(linkClickedEvent(), workspace(), action, daySalt()).message();

            assertThat(message.get("event").asText()).isEqualTo("Link Clicked");
        }

        @Test
        void keepsTheDefaultNameWhenTheActionHasNoEventNames() {
            Action action = action(null, Mapping.none());

            ObjectNode message =
                    mapper.map(linkClickedEvent(), workspace(), action, daySalt()).message();

            assertThat(message.get("event").asText()).isEqualTo("Link Clicked");
        }
    }

    @Nested
    class AnonymousId {

        @Test
        void hashesTheIpWithTheDaysSalt() {
            MappedMessage mapped = mapLinkClicked();

            assertThat(mapped.message().get("anonymousId").asText())
                    .isEqualTo("c6a965f4d19d48204645672a33bcd730");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.COMPUTED_IP_HASH);
        }

        @Test
        void hashesAnIpv6AddressInItsCanonicalForm() {
            CanonicalEvent event =
                    canonical(linkClicked().put("ip", "2001:0DB8:0000:0000:0000:0000:0000:0001"));

            MappedMessage mapped = mapper.map(event, workspace(), action(), daySalt());

            assertThat(mapped.message().get("anonymousId").asText())
                    .isEqualTo("914b0e0e0720598ab136efe76bba3852");
        }

        @Test
        void prefersTheEventsOwnIpHashToHashingTheIp() {
            CanonicalEvent event = canonical(linkClicked().put("ip_hash", EVENT_IP_HASH));

            MappedMessage mapped = mapper.map(event, workspace(), action(), daySalt());

            assertThat(mapped.message().get("anonymousId").asText()).isEqualTo(EVENT_IP_HASH);
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.EVENT_IP_HASH);
        }

        @Test
        void usesTheEventsOwnIpHashEvenWhenTheSaltExpired() {
            CanonicalEvent event = canonical(linkClicked().put("ip_hash", EVENT_IP_HASH));

            MappedMessage mapped = mapper.map(event, workspace(), action(), Optional.empty());

            assertThat(mapped.message().get("anonymousId").asText()).isEqualTo(EVENT_IP_HASH);
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.EVENT_IP_HASH);
        }

        @Test
        void treatsABlankIpHashAsMissing() {
            CanonicalEvent event = canonical(linkClicked().put("ip_hash", " "));

            MappedMessage mapped = mapper.map(event, workspace(), action(), daySalt());

            assertThat(mapped.message().get("anonymousId").asText())
                    .isEqualTo("c6a965f4d19d48204645672a33bcd730");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.COMPUTED_IP_HASH);
        }

        @Test
        void usesTheClickIdUnderStrictPrivacy() {
            CanonicalEvent event = canonical(linkClicked().put("ip_hash", EVENT_IP_HASH));

            MappedMessage mapped = mapper.map(event, strictWorkspace(), action(), daySalt());

            assertThat(mapped.message().get("anonymousId").asText()).isEqualTo("clk_7f3a");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.STRICT_PRIVACY);
        }

        @Test
        void sendsNoIpHashAnywhereUnderStrictPrivacy() throws IOException {
            ObjectNode json = linkClicked().put("ip_hash", EVENT_IP_HASH);
            json.remove("click_id");

            MappedMessage mapped =
                    mapper.map(canonical(json), strictWorkspace(), action(), daySalt());

            assertThat(JSON.writeValueAsString(mapped.message()))
                    .doesNotContain(EVENT_IP_HASH)
                    .doesNotContain(IpHash.of(SALT, "203.0.113.7"));
            assertThat(mapped.message().get("anonymousId").asText())
                    .isEqualTo("6e2c7645-7b00-3032-9333-9d1c8bf5e972");
        }

        @Test
        void usesTheSyntheticIdOfTheEventIdWithoutIpOrClickId() {
            ObjectNode json = linkClicked();
            json.remove(List.of("ip", "click_id"));

            MappedMessage mapped = mapper.map(canonical(json), workspace(), action(), daySalt());

            assertThat(mapped.message().get("anonymousId").asText())
                    .isEqualTo("6e2c7645-7b00-3032-9333-9d1c8bf5e972");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.NO_IP);
        }

        @Test
        void usesTheClickIdWithoutIpWhenTheEventHasOne() {
            ObjectNode json = linkClicked();
            json.remove("ip");

            MappedMessage mapped = mapper.map(canonical(json), workspace(), action(), daySalt());

            assertThat(mapped.message().get("anonymousId").asText()).isEqualTo("clk_7f3a");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.NO_IP);
        }

        @Test
        void usesTheSyntheticIdWhenTheDaysSaltExpired() {
            MappedMessage mapped =
                    mapper.map(linkClickedEvent(), workspace(), action(), Optional.empty());

            assertThat(mapped.message().get("anonymousId").asText()).isEqualTo("clk_7f3a");
            assertThat(mapped.source()).isEqualTo(AnonymousIdSource.SALT_EXPIRED);
        }
    }

    @Nested
    class Properties {

        @Test
        void sendsEveryNonPiiFieldUnderItsCanonicalName() {
            ObjectNode properties = propertiesOf(mapLinkClicked());

            assertThat(properties.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "link_id",
                            "short_url",
                            "domain_name",
                            "slug",
                            "destination_url",
                            "click_id",
                            "country",
                            "region",
                            "city",
                            "device_category",
                            "os",
                            "browser",
                            "referrer_domain",
                            "utm_source",
                            "utm_medium",
                            "utm_campaign",
                            "utm_term",
                            "utm_content",
                            "is_bot");
        }

        @Test
        void neverSendsAPiiOrPseudonymousField() {
            CanonicalEvent event = canonical(linkClicked().put("ip_hash", EVENT_IP_HASH));

            ObjectNode properties =
                    propertiesOf(mapper.map(event, workspace(), action(), daySalt()));

            Arrays.stream(CanonicalField.values())
                    .filter(field -> !field.shareable())
                    .forEach(field -> assertThat(properties.has(field.wireName())).isFalse());
        }

        @Test
        void sendsRevenueAsANumberAndCurrencyAsText() {
            ObjectNode properties =
                    propertiesOf(mapper.map(conversionEvent(), workspace(), action(), daySalt()));

            assertThat(properties.get("revenue").isNumber()).isTrue();
            assertThat(properties.get("revenue").decimalValue()).isEqualByComparingTo("49.90");
            assertThat(properties.get("currency").asText()).isEqualTo("EUR");
            assertThat(properties.get("is_bot").isBoolean()).isTrue();
        }

        @ParameterizedTest
        @CsvSource({
            "https://shop.example.com/spring, https://shop.example.com/spring",
            "https://shop.example.com/spring?email=ada%40example.com,"
                    + " https://shop.example.com/spring",
            "https://shop.example.com/spring#ada@example.com, https://shop.example.com/spring",
            "https://shop.example.com/spring?email=ada#top, https://shop.example.com/spring",
            "https://shop.example.com/spring#top?email=ada, https://shop.example.com/spring",
            "https://shop.example.com/?, https://shop.example.com/"
        })
        void sendsTheDestinationUrlWithoutQueryStringOrFragment(String url, String expected) {
            CanonicalEvent event = canonical(linkClicked().put("destination_url", url));

            ObjectNode properties =
                    propertiesOf(mapper.map(event, workspace(), action(), daySalt()));

            assertThat(properties.get("destination_url").asText()).isEqualTo(expected);
        }

        @Test
        void stripsTheDestinationUrlAlsoUnderAnotherName() {
            Action action = action(Map.of(), mapping(Map.of("destination_url", "target"), null));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.get("target").asText())
                    .isEqualTo("https://shop.example.com/spring");
        }

        @Test
        void dropsExcludedFields() {
            Action action = action(Map.of(), new Mapping(null, null, List.of("city", "region")));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.has("city")).isFalse();
            assertThat(properties.has("region")).isFalse();
            assertThat(properties.get("country").asText()).isEqualTo("US");
        }

        @Test
        void movesARenamedFieldToItsNewName() {
            Action action = action(Map.of(), mapping(Map.of("short_url", "link"), null));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.has("short_url")).isFalse();
            assertThat(properties.get("link").asText()).isEqualTo("https://nmz.to/spring");
        }

        @Test
        void letsARenamedFieldWinOverTheFieldWhoseNameItTakes() {
            Map<String, String> renames = new LinkedHashMap<>();
            renames.put("short_url", "link_id");
            renames.put("city", "os");
            Action action = action(Map.of(), mapping(renames, null));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.get("link_id").asText()).isEqualTo("https://nmz.to/spring");
            assertThat(properties.get("os").asText()).isEqualTo("San Francisco");
        }

        @Test
        void excludesAFieldEvenWhenItIsAlsoRenamed() {
            Action action =
                    action(Map.of(), new Mapping(Map.of("city", "town"), null, List.of("city")));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.has("city")).isFalse();
            assertThat(properties.has("town")).isFalse();
        }

        @Test
        void addsStaticValuesLastSoTheyWin() {
            Map<String, JsonNode> constants = new LinkedHashMap<>();
            constants.put("link", TextNode.valueOf("constant"));
            constants.put("country", TextNode.valueOf("ZZ"));
            constants.put("priority", IntNode.valueOf(2));
            constants.put("internal", BooleanNode.FALSE);
            Action action = action(Map.of(), mapping(Map.of("short_url", "link"), constants));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            assertThat(names).endsWith("link", "country", "priority", "internal");
            assertThat(properties.get("link").asText()).isEqualTo("constant");
            assertThat(properties.get("country").asText()).isEqualTo("ZZ");
            assertThat(properties.get("priority").intValue()).isEqualTo(2);
            assertThat(properties.get("internal").booleanValue()).isFalse();
        }

        @Test
        void ignoresARenameOfAFieldThatMayNotLeaveTheHub() {
            Map<String, String> renames = Map.of("ip", "visitor", "customer_email", "email");
            Action action = action(Map.of(), mapping(renames, null));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.has("visitor")).isFalse();
            assertThat(properties.has("email")).isFalse();
        }

        @Test
        void ignoresARenameOfTheEventsIdentifiers() {
            Map<String, String> renames = Map.of("event_id", "nimriz_event", "workspace_id", "ws");
            Action action = action(Map.of(), mapping(renames, null));

            ObjectNode properties =
                    propertiesOf(mapper.map(linkClickedEvent(), workspace(), action, daySalt()));

            assertThat(properties.has("nimriz_event")).isFalse();
            assertThat(properties.has("ws")).isFalse();
        }

        @Test
        void isAnEmptyObjectForAnEventWithOnlyItsRequiredFields() {
            CanonicalEvent event = canonical(requiredFieldsOnly());

            ObjectNode message = mapper.map(event, workspace(), action(), daySalt()).message();

            assertThat(message.get("properties").isObject()).isTrue();
            assertThat(message.get("properties").isEmpty()).isTrue();
        }
    }

    @Nested
    class Context {

        @Test
        void namesTheLibraryAndItsVersion() {
            SegmentMessageMapper versioned = SegmentMessageMapper.of("2.3.4");

            ObjectNode message =
                    versioned.map(linkClickedEvent(), workspace(), action(), daySalt()).message();

            assertThat(message.at("/context/library/name").asText())
                    .isEqualTo("nimriz-segment-hub");
            assertThat(message.at("/context/library/version").asText()).isEqualTo("2.3.4");
        }

        @Test
        void carriesTheCampaignOfEveryUtmField() {
            JsonNode campaign = mapLinkClicked().message().at("/context/campaign");

            assertThat(campaign.fieldNames())
                    .toIterable()
                    .containsExactly("name", "source", "medium", "term", "content");
            assertThat(campaign.get("name").asText()).isEqualTo("spring_sale");
            assertThat(campaign.get("source").asText()).isEqualTo("newsletter");
            assertThat(campaign.get("medium").asText()).isEqualTo("email");
            assertThat(campaign.get("term").asText()).isEqualTo("running shoes");
            assertThat(campaign.get("content").asText()).isEqualTo("hero_banner");
        }

        @Test
        void carriesOnlyTheUtmFieldsThatArePresent() {
            ObjectNode json = linkClicked();
            json.remove(List.of("utm_campaign", "utm_medium", "utm_content"));

            ObjectNode message =
                    mapper.map(canonical(json), workspace(), action(), daySalt()).message();

            assertThat(message.at("/context/campaign").fieldNames())
                    .toIterable()
                    .containsExactly("source", "term");
        }

        @Test
        void hasNoCampaignWithoutUtmFields() {
            ObjectNode json = linkClicked();
            json.remove(
                    List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"));

            ObjectNode message =
                    mapper.map(canonical(json), workspace(), action(), daySalt()).message();

            assertThat(message.get("context").has("campaign")).isFalse();
            assertThat(message.get("context").fieldNames()).toIterable().containsExactly("library");
        }

        @Test
        void keepsTheCampaignWhenTheMappingExcludesUtmProperties() {
            Action action = action(Map.of(), new Mapping(null, null, List.of("utm_campaign")));

            ObjectNode message =
                    mapper.map(linkClickedEvent(), workspace(), action, daySalt()).message();

            assertThat(message.get("properties").has("utm_campaign")).isFalse();
            assertThat(message.at("/context/campaign/name").asText()).isEqualTo("spring_sale");
        }
    }

    @Nested
    class PersonalData {

        @Test
        void neverSendsPiiOfFiveHundredRandomEventsAndKeepsThemWithinSegmentsLimits()
                throws IOException {
            Action action = actionWithOverrides();
            Random random = new Random(RANDOM_SEED);

            for (int i = 0; i < RANDOM_EVENTS; i++) {
                RandomCase sample = RandomCase.next(random, i);

                MappedMessage mapped =
                        mapper.map(sample.event(), sample.workspace(), action, sample.salt());
                String serialized = JSON.writeValueAsString(mapped.message());

                assertThat(serialized)
                        .as("event %d of seed %d", i, RANDOM_SEED)
                        .doesNotContain(sample.forbidden());
                assertThat(SegmentLimits.violation(mapped.message(), JSON))
                        .as("event %d of seed %d", i, RANDOM_SEED)
                        .isEmpty();
            }
        }
    }

    /** One random event with PII, its workspace and salt, and the texts that must not leave. */
    private record RandomCase(
            CanonicalEvent event,
            Workspace workspace,
            Optional<byte[]> salt,
            List<String> forbidden) {

        private static final String[] HOSTS = {"news.example.org", "blog.example.net", "t.co"};

        private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/%d.0.%d.%d",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) Version/%d.%d Safari",
            "curl/%d.%d.%d"
        };

        static RandomCase next(Random random, int index) {
            Map<CanonicalField, Object> fields = new EnumMap<>(CanonicalField.class);
            List<String> forbidden = new ArrayList<>();
            EventType type = EventType.values()[random.nextInt(EventType.values().length)];
            fields.put(CanonicalField.EVENT_ID, "evt_r" + index);
            fields.put(CanonicalField.EVENT_TYPE, type.wireName());
            fields.put(CanonicalField.OCCURRED_AT, Instant.ofEpochSecond(1_790_000_000L + index));
            fields.put(CanonicalField.WORKSPACE_ID, "ws_acme");
            if (type == EventType.CONVERSION) {
                fields.put(CanonicalField.CONVERSION_NAME, "Purchase");
                fields.put(CanonicalField.REVENUE, BigDecimal.valueOf(random.nextInt(100_000), 2));
                fields.put(CanonicalField.CURRENCY, "USD");
            }
            if (random.nextBoolean()) {
                fields.put(CanonicalField.CLICK_ID, "clk_" + letters(random, 8));
            }
            fields.put(CanonicalField.COUNTRY, "DE");
            fields.put(CanonicalField.CITY, "Berlin");
            fields.put(CanonicalField.UTM_SOURCE, "newsletter");
            fields.put(CanonicalField.IS_BOT, random.nextBoolean());

            String email = "ada." + letters(random, 8) + "@mail.example.com";
            String customerId = "cus_" + letters(random, 10);
            if (random.nextInt(5) > 0) {
                String ip = random.nextBoolean() ? ipv4(random) : ipv6(random);
                fields.put(CanonicalField.IP, ip);
                forbidden.add(ip);
                forbidden.add(IpAddresses.canonical(ip).orElseThrow());
            }
            if (random.nextInt(5) > 0) {
                String agent = userAgent(random);
                fields.put(CanonicalField.USER_AGENT, agent);
                forbidden.add(agent);
            }
            if (random.nextInt(5) > 0) {
                String host = HOSTS[random.nextInt(HOSTS.length)];
                String referrer = "https://" + host + "/p/" + letters(random, 6) + "?u=" + email;
                fields.put(CanonicalField.REFERRER_URL, referrer);
                fields.put(CanonicalField.REFERRER_DOMAIN, host);
                forbidden.add(referrer);
            }
            if (random.nextInt(5) > 0) {
                fields.put(CanonicalField.CUSTOMER_EMAIL, email);
                forbidden.add(email);
            }
            if (random.nextInt(5) > 0) {
                fields.put(CanonicalField.CUSTOMER_ID, customerId);
                forbidden.add(customerId);
            }
            // Destination URLs carry PII in their query string and fragment as often as not.
            fields.put(
                    CanonicalField.DESTINATION_URL,
                    "https://shop.example.com/p?email=" + email + "#" + customerId);
            forbidden.add(email);
            forbidden.add(customerId);

            boolean strict = random.nextBoolean();
            Optional<byte[]> salt = Optional.empty();
            if (random.nextInt(5) > 0) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                salt = Optional.of(bytes);
            }
            if (random.nextBoolean()) {
                String ipHash = HexFormat.of().formatHex(randomBytes(random, 16));
                fields.put(CanonicalField.IP_HASH, ipHash);
                if (strict) {
                    forbidden.add(ipHash);
                }
            }
            if (strict && salt.isPresent() && fields.get(CanonicalField.IP) instanceof String ip) {
                forbidden.add(IpHash.of(salt.get(), IpAddresses.canonical(ip).orElseThrow()));
            }

            Workspace workspace = new Workspace("ws_acme", Plan.BUSINESS, strict, CREATED);
            return new RandomCase(new CanonicalEvent(fields), workspace, salt, forbidden);
        }

        private static String ipv4(Random random) {
            return (1 + random.nextInt(223))
                    + "."
                    + random.nextInt(256)
                    + "."
                    + random.nextInt(256)
                    + "."
                    + (1 + random.nextInt(254));
        }

        private static String ipv6(Random random) {
            StringBuilder text = new StringBuilder("2001:db8");
            int zeroGroup = random.nextInt(6);
            for (int i = 0; i < 6; i++) {
                int group = i == zeroGroup ? 0 : 1 + random.nextInt(0xffff);
                // Upper case and leading zeros show that every spelling of the address is kept.
                String hex = random.nextBoolean() ? "%04X" : "%x";
                text.append(':').append(String.format(hex, group));
            }
            return text.toString();
        }

        private static String userAgent(Random random) {
            String template = USER_AGENTS[random.nextInt(USER_AGENTS.length)];
            return String.format(
                    template, 60 + random.nextInt(80), random.nextInt(9000), random.nextInt(300));
        }

        private static String letters(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            return text.toString();
        }

        private static byte[] randomBytes(Random random, int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    private MappedMessage mapLinkClicked() {
        return mapper.map(linkClickedEvent(), workspace(), action(), daySalt());
    }

    private static ObjectNode propertiesOf(MappedMessage mapped) {
        return (ObjectNode) mapped.message().get("properties");
    }

    private static void assertMatchesGolden(MappedMessage mapped, String file) throws IOException {
        // A fixed line feed, so the files compare the same on every platform.
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        ObjectWriter writer = new ObjectMapper().writer(printer);
        byte[] actual = (writer.writeValueAsString(mapped.message()) + "\n").getBytes(UTF_8);

        byte[] expected = golden(file);

        assertThat(new String(actual, UTF_8)).as(file).isEqualTo(new String(expected, UTF_8));
        assertThat(actual).as(file).isEqualTo(expected);
    }

    private static byte[] golden(String file) throws IOException {
        try (InputStream in =
                SegmentMessageMapperTest.class.getResourceAsStream("/golden/" + file)) {
            assertThat(in).as("golden file " + file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static CanonicalEvent canonical(ObjectNode json) {
        EventVerdict verdict = new EventValidator(JSON).validate(json);
        assertThat(verdict).isInstanceOf(EventVerdict.Valid.class);
        return ((EventVerdict.Valid) verdict).event();
    }

    private static ObjectNode requiredFieldsOnly() {
        return JSON.createObjectNode()
                .put("event_id", "evt_1")
                .put("event_type", "link_clicked")
                .put("occurred_at", "2026-12-03T10:15:30Z")
                .put("workspace_id", "ws_acme");
    }

    /** A click with every field of SPEC section 2, PII included. */
    private static ObjectNode linkClicked() {
        return requiredFieldsOnly()
                .put("link_id", "lnk_42")
                .put("short_url", "https://nmz.to/spring")
                .put("domain_name", "nmz.to")
                .put("slug", "spring")
                .put(
                        "destination_url",
                        "https://shop.example.com/spring?email=ada%40example.com#offer")
                .put("click_id", "clk_7f3a")
                .put("country", "US")
                .put("region", "CA")
                .put("city", "San Francisco")
                .put("device_category", "mobile")
                .put("os", "iOS")
                .put("browser", "Safari")
                .put("referrer_domain", "news.example.org")
                .put("utm_source", "newsletter")
                .put("utm_medium", "email")
                .put("utm_campaign", "spring_sale")
                .put("utm_term", "running shoes")
                .put("utm_content", "hero_banner")
                .put("is_bot", false)
                .put("ip", "203.0.113.7")
                .put("user_agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)")
                .put("referrer_url", "https://news.example.org/story?reader=ada%40example.com")
                .put("customer_email", "ada@example.com")
                .put("customer_id", "cus_1001");
    }

    private static CanonicalEvent linkClickedEvent() {
        return canonical(linkClicked());
    }

    /** A scan from an IPv6 visitor, written in the long form the click pipeline may send. */
    private static CanonicalEvent qrScannedEvent() {
        return canonical(
                requiredFieldsOnly()
                        .put("event_id", "evt_2")
                        .put("event_type", "qr_scanned")
                        .put("occurred_at", "2026-12-03T18:42:07.318+01:00")
                        .put("link_id", "lnk_42")
                        .put("short_url", "https://nmz.to/menu")
                        .put("domain_name", "nmz.to")
                        .put("slug", "menu")
                        .put("destination_url", "https://bistro.example.com/menu#today")
                        .put("qr_id", "qr_17")
                        .put("click_id", "clk_9b21")
                        .put("country", "de")
                        .put("city", "Berlin")
                        .put("device_category", "mobile")
                        .put("os", "Android")
                        .put("browser", "Chrome")
                        .put("is_bot", false)
                        .put("ip", "2001:DB8:0:0:0:0:0:1")
                        .put("user_agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8)"));
    }

    /** A conversion attributed to a click, with revenue and without UTM fields. */
    private static CanonicalEvent conversionEvent() {
        return canonical(
                requiredFieldsOnly()
                        .put("event_id", "evt_3")
                        .put("event_type", "conversion")
                        .put("occurred_at", "2026-12-03T10:20:00.125Z")
                        .put("link_id", "lnk_42")
                        .put("click_id", "clk_7f3a")
                        .put("country", "US")
                        .put("is_bot", false)
                        .put("conversion_name", "Signup")
                        .put("revenue", new BigDecimal("49.90"))
                        .put("currency", "eur")
                        .put("ip", "198.51.100.23")
                        .put("customer_email", "ada@example.com")
                        .put("customer_id", "cus_1001"));
    }

    private static Workspace workspace() {
        return new Workspace("ws_acme", Plan.PROFESSIONAL, false, CREATED);
    }

    private static Workspace strictWorkspace() {
        return new Workspace("ws_acme", Plan.PROFESSIONAL, true, CREATED);
    }

    private static Optional<byte[]> daySalt() {
        return Optional.of(SALT);
    }

    private static Action action() {
        return action(Map.of(), Mapping.none());
    }

    /** The action of the SPEC section 6 example, with more of every kind of override. */
    private static Action actionWithOverrides() {
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        constants.put("source", TextNode.valueOf("nimriz"));
        constants.put("priority", IntNode.valueOf(2));
        constants.put("os", TextNode.valueOf("any"));
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put("short_url", "link");
        renames.put("country", "country_code");
        return action(
                Map.of("link_clicked", "Short Link Clicked", "qr_scanned", "QR Code Scanned"),
                new Mapping(renames, constants, List.of("city", "region")));
    }

    private static Action action(Map<String, String> eventNames, Mapping mapping) {
        Trigger trigger = new Trigger(List.of(EventType.values()), null, null, null, null);
        return new Action(
                "act_1",
                "dst_1",
                "Send event",
                trigger,
                eventNames,
                mapping,
                true,
                CREATED,
                CREATED);
    }

    private static Mapping mapping(Map<String, String> rename, Map<String, JsonNode> constants) {
        return new Mapping(rename, constants, null);
    }
}
