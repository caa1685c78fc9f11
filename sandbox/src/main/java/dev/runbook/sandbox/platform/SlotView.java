package dev.runbook.sandbox.platform;

/**
 * One slot as the admin API shows it.
 *
 * @param version the release it runs (or last ran, when RETIRED); null when EMPTY
 * @param weight  percentage of routed traffic, 0..100
 * @param url     base URL of its server while it runs, otherwise null
 */
public record SlotView(Colour colour, String version, SlotRole role, int weight, String url) {}
