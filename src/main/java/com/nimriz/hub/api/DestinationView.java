package com.nimriz.hub.api;

import com.nimriz.hub.destination.Destination;
import com.nimriz.hub.destination.Region;
import java.time.Instant;

/** A destination as the API shows it: the write key masked to its last four characters. */
record DestinationView(
        String id,
        String workspaceId,
        String type,
        String name,
        Region region,
        String writeKey,
        boolean writeKeyVerified,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    static final String MASK = "...";

    static DestinationView of(Destination d) {
        return new DestinationView(
                d.id(),
                d.workspaceId(),
                d.type(),
                d.name(),
                d.region(),
                MASK + d.writeKeyHint(),
                d.writeKeyVerified(),
                d.enabled(),
                d.createdAt(),
                d.updatedAt());
    }
}
