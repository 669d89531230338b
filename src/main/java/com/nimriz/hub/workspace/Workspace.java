package com.nimriz.hub.workspace;

import java.time.Instant;

/** A Nimriz workspace as the hub knows it: its plan and privacy mode. */
public record Workspace(String id, Plan plan, boolean strictPrivacy, Instant updatedAt) {}
