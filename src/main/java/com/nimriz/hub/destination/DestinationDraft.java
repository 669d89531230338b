package com.nimriz.hub.destination;

/** A destination as a workspace admin writes it, before the hub checks it. */
public record DestinationDraft(
        String type, String name, Region region, String writeKey, Boolean enabled) {}
