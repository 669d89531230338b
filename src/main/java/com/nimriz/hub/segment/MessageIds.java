package com.nimriz.hub.segment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic Segment messageIds, so redelivery and replay deduplicate (SPEC section 3). */
public final class MessageIds {

    static final String PREFIX = "nmz-";

    static final int HEX_CHARACTERS = 40;

    private MessageIds() {}

    /** {@code nmz-} and the first 40 hex characters of SHA-256 over workspace|action|event. */
    public static String of(String workspaceId, String actionId, String eventId) {
        String text = workspaceId + "|" + actionId + "|" + eventId;
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest, 0, HEX_CHARACTERS / 2);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256, so this is a broken JDK, not bad input.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
