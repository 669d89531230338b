package com.nimriz.hub.event;

/** What validation made of one record: a canonical event, or the reason it is invalid. */
public sealed interface EventVerdict {

    /** The record is a canonical event. */
    record Valid(CanonicalEvent event) implements EventVerdict {}

    /** The record is not a canonical event; {@code detail} says why in a sentence. */
    record Invalid(Reason reason, String detail) implements EventVerdict {}

    /** The classes of invalid event of SPEC section 2, as named in the invalid topic's header. */
    enum Reason {
        NOT_JSON("not_json"),
        MISSING_FIELD("missing_field"),
        WRONG_TYPE("wrong_type"),
        UNKNOWN_EVENT_TYPE("unknown_event_type"),
        MISSING_CONVERSION_NAME("missing_conversion_name");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
