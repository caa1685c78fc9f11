package dev.runbook.sandbox.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** Append-only record of effective admin actions, numbered from 1 in the order they took effect. */
public final class ActionLog {

  private final List<ActionRecord> entries = new ArrayList<>();
  private final LongSupplier clockMillis;

  public ActionLog(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  synchronized ActionRecord append(String action, String service, Colour colour, String version, int weight) {
    ActionRecord entry = new ActionRecord(
        entries.size() + 1L, clockMillis.getAsLong(), action, service, colour, version, weight);
    entries.add(entry);
    return entry;
  }

  public synchronized List<ActionRecord> entries() {
    return List.copyOf(entries);
  }
}
