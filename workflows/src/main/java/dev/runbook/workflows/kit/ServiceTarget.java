package dev.runbook.workflows.kit;

/** What a watch looks at: the new release's colour, and the stable colour to compare with (or null). */
public record ServiceTarget(String colour, String version, String stableColour) {}
