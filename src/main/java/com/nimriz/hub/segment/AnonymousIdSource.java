package com.nimriz.hub.segment;

/** Where a message's anonymousId came from (SPEC sections 3 and 3.1), so each can be counted. */
public enum AnonymousIdSource {
    /** The ip_hash the click pipeline put on the event. */
    EVENT_IP_HASH,
    /** The hub hashed the event's IP with the salt of its day. */
    COMPUTED_IP_HASH,
    /** The workspace is in Strict Privacy Mode: the synthetic per-click id. */
    STRICT_PRIVACY,
    /** The event has neither ip nor ip_hash: the synthetic per-click id. */
    NO_IP,
    /** The event's day is past the salt retention, so its IP cannot be hashed: the synthetic id. */
    SALT_EXPIRED
}
