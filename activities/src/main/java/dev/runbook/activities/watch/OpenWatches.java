package dev.runbook.activities.watch;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The watch windows this worker has open, for the gauges {@code runbook_watches_open} and {@code
 * runbook_watch_inconclusive_seconds_max} (alert WatchInconclusive). A watch is inconclusive while
 * a rollback rule's latest reading is: such a window cannot roll back by itself, and unless the
 * data comes back it ends waiting for a person. Only live windows count, so a crashed worker's
 * windows leave with its process and reappear on the worker that resumes them.
 */
public final class OpenWatches {
  private final Map<Object, Long> inconclusiveSince = new ConcurrentHashMap<>();
  private final Set<Object> open = ConcurrentHashMap.newKeySet();
  private final LongSupplier clockMillis;

  public OpenWatches(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  void opened(Object watch) {
    open.add(watch);
  }

  /** After each poll: starts or keeps the inconclusive clock of {@code watch}, or stops it. */
  void observed(Object watch, List<WatchRule> rules, Map<String, RuleObservation> latest, long nowMillis) {
    boolean inconclusive = rules.stream().filter(r -> r.action() == RuleAction.ROLLBACK).anyMatch(r -> {
      RuleObservation o = latest.get(r.name());
      return o == null || o.verdict() == RuleVerdict.INCONCLUSIVE;
    });
    if (inconclusive) {
      inconclusiveSince.putIfAbsent(watch, nowMillis);
    } else {
      inconclusiveSince.remove(watch);
    }
  }

  void closed(Object watch) {
    open.remove(watch);
    inconclusiveSince.remove(watch);
  }

  public int count() {
    return open.size();
  }

  /** How long the longest-inconclusive open watch has been so, in seconds; 0 when none is. */
  public double longestInconclusiveSeconds() {
    long now = clockMillis.getAsLong();
    return inconclusiveSince.values().stream().mapToLong(since -> Math.max(0, now - since)).max().orElse(0) / 1000.0;
  }
}
