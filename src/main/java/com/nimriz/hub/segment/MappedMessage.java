package com.nimriz.hub.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Segment track message (SPEC section 3) and where its anonymousId came from. */
public record MappedMessage(ObjectNode message, AnonymousIdSource source) {}
