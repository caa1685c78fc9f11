package dev.runbook.sandbox.platform;

import java.util.List;

/**
 * One slot as the admin API shows it.
 *
 * @param version   the release it runs (or last ran, when RETIRED); null when EMPTY. During a
 *                  rolling replace its instances may run two releases; this is the one it started
 *                  with until every instance runs the new one
 * @param weight    percentage of routed traffic, 0..100
 * @param url       base URL of its first instance while it runs, otherwise null
 * @param instances its running instances, which share the slot's traffic evenly
 */
public record SlotView(Colour colour, String version, SlotRole role, int weight, String url,
    List<InstanceView> instances) {}
