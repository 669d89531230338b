package com.nimriz.hub.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every field of the canonical event, with its JSON shape and privacy class (SPEC section 2). */
public enum CanonicalField {
    EVENT_ID("event_id", Shape.STRING, DataClass.ID, true),
    EVENT_TYPE("event_type", Shape.STRING, DataClass.NONE, true),
    OCCURRED_AT("occurred_at", Shape.TIMESTAMP, DataClass.NONE, true),
    WORKSPACE_ID("workspace_id", Shape.STRING, DataClass.ID, true),
    LINK_ID("link_id", Shape.STRING, DataClass.NON_PII, false),
    SHORT_URL("short_url", Shape.STRING, DataClass.NON_PII, false),
    DOMAIN_NAME("domain_name", Shape.STRING, DataClass.NON_PII, false),
    SLUG("slug", Shape.STRING, DataClass.NON_PII, false),
    DESTINATION_URL("destination_url", Shape.STRING, DataClass.NON_PII, false),
    QR_ID("qr_id", Shape.STRING, DataClass.NON_PII, false),
    CLICK_ID("click_id", Shape.STRING, DataClass.NON_PII, false),
    COUNTRY("country", Shape.COUNTRY, DataClass.NON_PII, false),
    REGION("region", Shape.STRING, DataClass.NON_PII, false),
    CITY("city", Shape.STRING, DataClass.NON_PII, false),
    DEVICE_CATEGORY("device_category", Shape.DEVICE_CATEGORY, DataClass.NON_PII, false),
    OS("os", Shape.STRING, DataClass.NON_PII, false),
    BROWSER("browser", Shape.STRING, DataClass.NON_PII, false),
    REFERRER_DOMAIN("referrer_domain", Shape.STRING, DataClass.NON_PII, false),
    UTM_SOURCE("utm_source", Shape.STRING, DataClass.NON_PII, false),
    UTM_MEDIUM("utm_medium", Shape.STRING, DataClass.NON_PII, false),
    UTM_CAMPAIGN("utm_campaign", Shape.STRING, DataClass.NON_PII, false),
    UTM_TERM("utm_term", Shape.STRING, DataClass.NON_PII, false),
    UTM_CONTENT("utm_content", Shape.STRING, DataClass.NON_PII, false),
    IS_BOT("is_bot", Shape.BOOLEAN, DataClass.NON_PII, false),
    CONVERSION_NAME("conversion_name", Shape.STRING, DataClass.NON_PII, false),
    REVENUE("revenue", Shape.NUMBER, DataClass.NON_PII, false),
    CURRENCY("currency", Shape.CURRENCY, DataClass.NON_PII, false),
    IP("ip", Shape.IP_ADDRESS, DataClass.PII, false),
    IP_HASH("ip_hash", Shape.STRING, DataClass.PSEUDONYMOUS, false),
    USER_AGENT("user_agent", Shape.STRING, DataClass.PII, false),
    REFERRER_URL("referrer_url", Shape.STRING, DataClass.PII, false),
    CUSTOMER_EMAIL("customer_email", Shape.STRING, DataClass.PII, false),
    CUSTOMER_ID("customer_id", Shape.STRING, DataClass.PII, false);

    /** The JSON form a field's value must have. */
    public enum Shape {
        STRING,
        NUMBER,
        BOOLEAN,
        TIMESTAMP,
        COUNTRY,
        CURRENCY,
        DEVICE_CATEGORY,
        IP_ADDRESS
    }

    /** How a field may travel: identifiers and non-PII may, PII never leaves the hub. */
    public enum DataClass {
        ID,
        NONE,
        NON_PII,
        PSEUDONYMOUS,
        PII
    }

    private static final Map<String, CanonicalField> BY_NAME =
            Arrays.stream(values())
                    .collect(Collectors.toUnmodifiableMap(f -> f.wireName, Function.identity()));

    private final String wireName;

    private final Shape shape;

    private final DataClass dataClass;

    private final boolean required;

    CanonicalField(String wireName, Shape shape, DataClass dataClass, boolean required) {
        this.wireName = wireName;
        this.shape = shape;
        this.dataClass = dataClass;
        this.required = required;
    }

    public String wireName() {
        return wireName;
    }

    public Shape shape() {
        return shape;
    }

    public DataClass dataClass() {
        return dataClass;
    }

    public boolean required() {
        return required;
    }

    /** True for fields that may be named by triggers and mappings and sent to Segment. */
    public boolean shareable() {
        return dataClass == DataClass.ID
                || dataClass == DataClass.NONE
                || dataClass == DataClass.NON_PII;
    }

    /** The field with this snake_case name, if the canonical event has one. */
    public static Optional<CanonicalField> find(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }
}
