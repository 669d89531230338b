package com.nimriz.hub.workspace;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Nimriz plans, in ascending order (SPEC section 4.1). */
public enum Plan {
    FREE,
    STARTER,
    PROFESSIONAL,
    BUSINESS,
    ENTERPRISE;

    /** The lowest plan that includes the Segment integration. */
    public static final Plan SEGMENT_MINIMUM = PROFESSIONAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this plan includes the Segment integration. */
    public boolean includesSegment() {
        return compareTo(SEGMENT_MINIMUM) >= 0;
    }

    public static Optional<Plan> find(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wireName)).findFirst();
    }

    @JsonCreator
    static Plan fromJson(String wireName) {
        return find(wireName)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "must be one of free, starter, professional, business,"
                                                + " enterprise"));
    }
}
