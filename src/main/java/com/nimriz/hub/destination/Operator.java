package com.nimriz.hub.destination;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Comparison operators of trigger conditions (SPEC section 4.3). */
public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    CONTAINS,
    STARTS_WITH,
    EXISTS,
    NOT_EXISTS,
    GT,
    LT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the operator compares with a value; exists and not_exists take none. */
    public boolean takesValue() {
        return this != EXISTS && this != NOT_EXISTS;
    }

    @JsonCreator
    static Operator fromJson(String wireName) {
        for (Operator op : values()) {
            if (op.wireName().equals(wireName)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "must be one of equals, not_equals, in, not_in, contains, starts_with, exists,"
                        + " not_exists, gt, lt");
    }
}
