package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimriz.hub.destination.Action;
import com.nimriz.hub.destination.Mapping;
import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import com.nimriz.hub.event.CanonicalField.DataClass;
import com.nimriz.hub.privacy.IpAddresses;
import com.nimriz.hub.privacy.IpHash;
import com.nimriz.hub.privacy.SyntheticIds;
import com.nimriz.hub.workspace.Workspace;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns one event into the Segment track message one action sends (SPEC section 3). */
@Component
public class SegmentMessageMapper {

    static final String LIBRARY_NAME = "nimriz-segment-hub";

    static final String LINK_CLICKED_NAME = "Link Clicked";

    static final String QR_SCANNED_NAME = "QR Scanned";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Segment's context.campaign keys, in the order they are written. */
    private static final List<Map.Entry<CanonicalField, String>> CAMPAIGN =
            List.of(
                    Map.entry(CanonicalField.UTM_CAMPAIGN, "name"),
                    Map.entry(CanonicalField.UTM_SOURCE, "source"),
                    Map.entry(CanonicalField.UTM_MEDIUM, "medium"),
                    Map.entry(CanonicalField.UTM_TERM, "term"),
                    Map.entry(CanonicalField.UTM_CONTENT, "content"));

    private final JsonNodeFactory nodes;

    private final String libraryVersion;

    // Known limitation: the library version is a setting that defaults to 0.1.0, not the
    // version of the build.
    public SegmentMessageMapper(
            ObjectMapper json,
            @Value("${hub.segment.library-version:0.1.0}") String libraryVersion) {
        this.nodes = json.getNodeFactory();
        this.libraryVersion = libraryVersion;
    }

    /** A mapper outside Spring, with a plain ObjectMapper. */
    public static SegmentMessageMapper of(String libraryVersion) {
        return new SegmentMessageMapper(new ObjectMapper(), libraryVersion);
    }

    /**
     * The message for this event, workspace and action; {@code daySalt} is the salt of the UTC day
     * of occurred_at, empty when that day is past the salt retention.
     */
    public MappedMessage map(
            CanonicalEvent event, Workspace workspace, Action action, Optional<byte[]> daySalt) {
        AnonymousId anonymousId = anonymousId(event, workspace, daySalt);

        // Segment's names are camelCase; the tree is built by hand because the application's
        // ObjectMapper writes records in snake_case.
        ObjectNode message = nodes.objectNode();
        message.put("type", "track");
        message.put("event", eventName(event, action));
        message.put("anonymousId", anonymousId.value());
        message.put("messageId", MessageIds.of(workspace.id(), action.id(), event.eventId()));
        message.put("timestamp", TIMESTAMP.format(event.occurredAt()));
        message.set("properties", properties(event, action.mapping()));
        message.set("context", context(event));
        return new MappedMessage(message, anonymousId.source());
    }

    private static String eventName(CanonicalEvent event, Action action) {
        Map<String, String> overrides = action.eventNames();
        String override = overrides == null ? null : overrides.get(event.eventType().wireName());
        if (override != null) {
            return override;
        }
        return switch (event.eventType()) {
            case LINK_CLICKED -> LINK_CLICKED_NAME;
            case QR_SCANNED -> QR_SCANNED_NAME;
            case CONVERSION -> (String) event.value(CanonicalField.CONVERSION_NAME);
        };
    }

    private static AnonymousId anonymousId(
            CanonicalEvent event, Workspace workspace, Optional<byte[]> daySalt) {
        if (workspace.strictPrivacy()) {
            return synthetic(event, AnonymousIdSource.STRICT_PRIVACY);
        }
        Optional<String> eventHash = text(event, CanonicalField.IP_HASH);
        if (eventHash.isPresent()) {
            return new AnonymousId(eventHash.get(), AnonymousIdSource.EVENT_IP_HASH);
        }
        // The validator only lets literal addresses through; anything else counts as no IP.
        Optional<String> ip = text(event, CanonicalField.IP).flatMap(IpAddresses::canonical);
        if (ip.isEmpty()) {
            return synthetic(event, AnonymousIdSource.NO_IP);
        }
        if (daySalt.isEmpty()) {
            return synthetic(event, AnonymousIdSource.SALT_EXPIRED);
        }
        return new AnonymousId(
                IpHash.of(daySalt.get(), ip.get()), AnonymousIdSource.COMPUTED_IP_HASH);
    }

    private static AnonymousId synthetic(CanonicalEvent event, AnonymousIdSource source) {
        return new AnonymousId(SyntheticIds.of(event), source);
    }

    private static Optional<String> text(CanonicalEvent event, CanonicalField field) {
        return event.value(field) instanceof String text && !text.isBlank()
                ? Optional.of(text)
                : Optional.empty();
    }

    private ObjectNode properties(CanonicalEvent event, Mapping mapping) {
        Mapping rules = mapping == null ? Mapping.none() : mapping;
        ObjectNode properties = nodes.objectNode();
        Set<String> renamedNames = new HashSet<>();
        // Only non-PII fields are read, so no rename can bring PII or ids into properties.
        for (CanonicalField field : CanonicalField.values()) {
            if (field.dataClass() != DataClass.NON_PII
                    || !event.has(field)
                    || rules.exclude().contains(field.wireName())) {
                continue;
            }
            JsonNode value = valueNode(field, event.value(field));
            String renamed = rules.rename().get(field.wireName());
            if (renamed != null) {
                properties.set(renamed, value);
                renamedNames.add(renamed);
            } else if (!renamedNames.contains(field.wireName())) {
                // A field renamed onto this name was asked for explicitly, so it wins either way.
                properties.set(field.wireName(), value);
            }
        }

        for (Map.Entry<String, JsonNode> constant : rules.staticValues().entrySet()) {
            // Removed first so that constants always come last, in the order they were given.
            properties.remove(constant.getKey());
            properties.set(constant.getKey(), constant.getValue());
        }
        return properties;
    }

    private JsonNode valueNode(CanonicalField field, Object value) {
        // Known limitation: only the query and fragment go, as SPEC section 3 says; a
        // user:password@ part of a link would stay.
        if (field == CanonicalField.DESTINATION_URL && value instanceof String url) {
            return nodes.textNode(withoutQueryAndFragment(url));
        }
        if (value instanceof String text) {
            return nodes.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return nodes.booleanNode(flag);
        }
        if (value instanceof BigDecimal decimal) {
            // Straight to a DecimalNode: the node factory may strip trailing zeros to 1E+2.
            return DecimalNode.valueOf(decimal);
        }
        if (value instanceof Number number) {
            return DecimalNode.valueOf(new BigDecimal(number.toString()));
        }
        throw new IllegalArgumentException(
                "The field " + field.wireName() + " holds neither text, a number nor a boolean");
    }

    /** The URL up to its query string or fragment, whichever starts first. */
    static String withoutQueryAndFragment(String url) {
        int end = url.length();
        int query = url.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = url.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return url.substring(0, end);
    }

    private ObjectNode context(CanonicalEvent event) {
        ObjectNode context = nodes.objectNode();
        context.putObject("library").put("name", LIBRARY_NAME).put("version", libraryVersion);

        // Known limitation: mapping.exclude leaves context.campaign as it is; excluding utm_*
        // fields drops them from properties only.
        ObjectNode campaign = nodes.objectNode();
        for (Map.Entry<CanonicalField, String> key : CAMPAIGN) {
            if (event.value(key.getKey()) instanceof String text) {
                campaign.put(key.getValue(), text);
            }
        }
        if (!campaign.isEmpty()) {
            context.set("campaign", campaign);
        }
        return context;
    }

    private record AnonymousId(String value, AnonymousIdSource source) {}
}
