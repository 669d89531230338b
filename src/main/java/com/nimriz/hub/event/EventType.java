package com.nimriz.hub.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of canonical event (SPEC section 2). */
public enum EventType {
    LINK_CLICKED("link_clicked"),
    QR_SCANNED("qr_scanned"),
    CONVERSION("conversion");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The type with this wire name, if there is one. */
    public static Optional<EventType> find(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    @JsonCreator
    static EventType fromJson(String wireName) {
        return find(wireName)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "must be one of link_clicked, qr_scanned, conversion"));
    }
}
