package dev.runbook.activities.registry;

import java.time.Instant;

/** Which release one colour of a service runs, as last recorded; {@code updatedAt} is when it last changed. */
public record SlotRow(
    String service, String environment, String colour, String version, String role, int weight, Instant updatedAt) {}
