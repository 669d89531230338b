package com.nimriz.hub.destination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The Segment region a write key belongs to (SPEC section 3). */
public enum Region {
    US,
    EU;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Region fromJson(String wireName) {
        for (Region region : values()) {
            if (region.wireName().equals(wireName)) {
                return region;
            }
        }
        throw new IllegalArgumentException("must be us or eu");
    }
}
