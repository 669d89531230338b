package com.nimriz.hub.destination;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an action's trigger lets an event pass without sending it (SPEC section 4.3). */
public enum SkipReason {
    EVENT_TYPE_NOT_SELECTED("event_type_not_selected"),
    BOT("bot"),
    CONVERSION_NAME_NOT_SELECTED("conversion_name_not_selected"),
    CONDITIONS_NOT_MET("conditions_not_met");

    // Spelled out rather than derived from the constant's name: metrics and event traces keep
    // these labels even if a constant is ever renamed.
    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    /** The stable snake_case label of metrics, event traces and the preview's skip_reason. */
    @JsonValue
    public String code() {
        return code;
    }
}
