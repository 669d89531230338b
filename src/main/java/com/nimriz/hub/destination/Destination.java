package com.nimriz.hub.destination;

import java.time.Instant;

/** A workspace's Segment destination as stored; the write key only in sealed form. */
public record Destination(
        String id,
        String workspaceId,
        String type,
        String name,
        Region region,
        String sealedWriteKey,
        String writeKeyHint,
        boolean writeKeyVerified,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    /** The only destination type the hub offers. */
    public static final String SEGMENT = "segment";
}
