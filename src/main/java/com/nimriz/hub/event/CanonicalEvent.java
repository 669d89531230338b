package com.nimriz.hub.event;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A validated canonical event: the fields it carries, each as a String, Boolean or Number with
 * {@code occurred_at} as an {@link Instant}. Unknown fields of the original JSON are dropped.
 */
public record CanonicalEvent(Map<CanonicalField, Object> fields) {

    public CanonicalEvent {
        fields = Collections.unmodifiableMap(new EnumMap<>(fields));
    }

    public String eventId() {
        return (String) fields.get(CanonicalField.EVENT_ID);
    }

    public EventType eventType() {
        return EventType.find((String) fields.get(CanonicalField.EVENT_TYPE)).orElseThrow();
    }

    public Instant occurredAt() {
        return (Instant) fields.get(CanonicalField.OCCURRED_AT);
    }

    public String workspaceId() {
        return (String) fields.get(CanonicalField.WORKSPACE_ID);
    }

    /** The field's value, or null when the event does not carry it. */
    public Object value(CanonicalField field) {
        return fields.get(field);
    }

    public boolean has(CanonicalField field) {
        return fields.containsKey(field);
    }

    @Override
    public String toString() {
        // Events carry PII: never let one reach a log line through toString.
        return "CanonicalEvent[" + eventId() + "]";
    }
}
