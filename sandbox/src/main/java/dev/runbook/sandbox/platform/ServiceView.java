package dev.runbook.sandbox.platform;

import java.util.List;

/** One service as the admin API shows it: which colour is live and what both slots are doing. */
public record ServiceView(String service, Colour liveColour, List<SlotView> slots) {}
