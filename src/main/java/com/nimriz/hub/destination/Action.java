package com.nimriz.hub.destination;

import java.time.Instant;
import java.util.Map;

/** An action of a destination: its trigger, event names, mapping and switch. */
public record Action(
        String id,
        String destinationId,
        String name,
        Trigger trigger,
        Map<String, String> eventNames,
        Mapping mapping,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {}
