package com.nimriz.hub.destination;

import java.util.Map;

/** An action as a workspace admin writes it, before the hub checks it. */
public record ActionDraft(
        String name,
        Trigger trigger,
        Map<String, String> eventNames,
        Mapping mapping,
        Boolean enabled) {}
