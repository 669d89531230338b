package com.nimriz.hub.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.nimriz.hub.event.EventVerdict.Invalid;
import com.nimriz.hub.event.EventVerdict.Reason;
import com.nimriz.hub.privacy.IpAddresses;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Turns raw records into canonical events, or says why they are invalid (SPEC section 2). */
@Component
public class EventValidator {

    static final int MAX_EVENT_ID_LENGTH = 128;

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private static final Set<String> DEVICE_CATEGORIES =
            Set.of("desktop", "mobile", "tablet", "other");

    private final ObjectReader reader;

    public EventValidator(ObjectMapper objectMapper) {
        this.reader = objectMapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Validates the bytes of one Kafka record. */
    public EventVerdict validate(byte[] record) {
        if (record == null || record.length == 0) {
            return new Invalid(Reason.NOT_JSON, "The record is empty.");
        }
        JsonNode json;
        try {
            json = reader.readTree(record);
        } catch (JsonProcessingException e) {
            return new Invalid(Reason.NOT_JSON, "The record is not valid JSON.");
        } catch (IOException e) {
            return new Invalid(Reason.NOT_JSON, "The record could not be read as JSON.");
        }
        return validate(json);
    }

    /** Validates one event already parsed as JSON. */
    public EventVerdict validate(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new Invalid(Reason.NOT_JSON, "The event is not a JSON object.");
        }
        Map<CanonicalField, Object> fields = new EnumMap<>(CanonicalField.class);
        for (CanonicalField field : CanonicalField.values()) {
            JsonNode node = json.get(field.wireName());
            boolean absent = node == null || node.isNull();
            if (absent || (field.required() && node.isTextual() && node.asText().isBlank())) {
                if (field.required()) {
                    return new Invalid(
                            Reason.MISSING_FIELD,
                            "The required field " + field.wireName() + " is missing.");
                }
                continue;
            }
            Object value = read(field, node);
            if (value == null) {
                return new Invalid(
                        Reason.WRONG_TYPE,
                        "The field " + field.wireName() + " " + expectation(field) + ".");
            }
            fields.put(field, value);
        }
        return checkRules(fields);
    }

    private static EventVerdict checkRules(Map<CanonicalField, Object> fields) {
        String eventId = (String) fields.get(CanonicalField.EVENT_ID);
        if (eventId.length() > MAX_EVENT_ID_LENGTH) {
            return new Invalid(
                    Reason.WRONG_TYPE,
                    "The field event_id is longer than " + MAX_EVENT_ID_LENGTH + " characters.");
        }
        String eventType = (String) fields.get(CanonicalField.EVENT_TYPE);
        if (EventType.find(eventType).isEmpty()) {
            return new Invalid(
                    Reason.UNKNOWN_EVENT_TYPE,
                    "The event_type is not one of link_clicked, qr_scanned, conversion.");
        }
        if (EventType.find(eventType).get() == EventType.CONVERSION
                && !hasText(fields.get(CanonicalField.CONVERSION_NAME))) {
            return new Invalid(
                    Reason.MISSING_CONVERSION_NAME, "A conversion event needs a conversion_name.");
        }
        return new EventVerdict.Valid(new CanonicalEvent(fields));
    }

    private static boolean hasText(Object value) {
        return value instanceof String text && !text.isBlank();
    }

    /** The field's value in its canonical Java form, or null when the JSON has the wrong shape. */
    private static Object read(CanonicalField field, JsonNode node) {
        switch (field.shape()) {
            case BOOLEAN:
                return node.isBoolean() ? node.booleanValue() : null;
            case NUMBER:
                return node.isNumber() ? node.decimalValue() : null;
            default:
                break;
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.textValue();
        switch (field.shape()) {
            case TIMESTAMP:
                return parseTimestamp(text);
            case COUNTRY:
                return COUNTRY.matcher(text).matches() ? text.toUpperCase(Locale.ROOT) : null;
            case CURRENCY:
                return CURRENCY.matcher(text).matches() ? text.toUpperCase(Locale.ROOT) : null;
            case DEVICE_CATEGORY:
                return DEVICE_CATEGORIES.contains(text) ? text : null;
            case IP_ADDRESS:
                return IpAddresses.canonical(text).isPresent() ? text.trim() : null;
            default:
                return text;
        }
    }

    private static Instant parseTimestamp(String text) {
        try {
            // RFC 3339 allows a lower-case 't' and 'z'.
            String upper = text.toUpperCase(Locale.ROOT);
            return OffsetDateTime.parse(upper, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String expectation(CanonicalField field) {
        return switch (field.shape()) {
            case STRING -> "must be a string";
            case NUMBER -> "must be a number";
            case BOOLEAN -> "must be true or false";
            case TIMESTAMP -> "must be an RFC 3339 timestamp with an offset";
            case COUNTRY -> "must be an ISO 3166-1 alpha-2 country code";
            case CURRENCY -> "must be an ISO 4217 currency code";
            case DEVICE_CATEGORY -> "must be one of desktop, mobile, tablet, other";
            case IP_ADDRESS -> "must be an IPv4 or IPv6 address";
        };
    }
}
