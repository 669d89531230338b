package com.nimriz.hub.privacy;

import com.nimriz.hub.event.CanonicalEvent;
import com.nimriz.hub.event.CanonicalField;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The synthetic per-click id that replaces the IP hash as anonymousId (SPEC section 3). */
public final class SyntheticIds {

    static final String NAME_PREFIX = "nimriz-click:";

    private SyntheticIds() {}

    /** The event's click_id, or the name-based UUID of its event_id when it has none. */
    public static String of(CanonicalEvent event) {
        // A blank click_id would make an empty anonymousId, which Segment drops silently.
        if (event.value(CanonicalField.CLICK_ID) instanceof String clickId && !clickId.isBlank()) {
            return clickId;
        }
        return ofEventId(event.eventId());
    }

    /** The name-based UUID of an event without a click_id. */
    public static String ofEventId(String eventId) {
        byte[] name = (NAME_PREFIX + eventId).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(name).toString();
    }
}
