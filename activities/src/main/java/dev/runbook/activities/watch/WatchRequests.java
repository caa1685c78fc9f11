package dev.runbook.activities.watch;

import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchRule;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rejects a watch request no retry could fix, before the window starts. */
final class WatchRequests {
  static final String INVALID_WATCH = "InvalidWatchRequest";

  private WatchRequests() {}

  static void validate(WatchRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      throw ApplicationFailure.newNonRetryableFailure("watch request is missing", INVALID_WATCH);
    }
    if (r.service() == null || r.environment() == null || r.canaryColour() == null) {
      problems.add("service, environment and canaryColour are required");
    }
    if (r.pollSeconds() <= 0) {
      problems.add("pollSeconds must be positive, was " + r.pollSeconds());
    }
    if (r.windowSeconds() < 0 || r.staleAfterSeconds() < 0) {
      problems.add("windowSeconds and staleAfterSeconds must not be negative");
    }
    if (r.rules() == null || r.rules().isEmpty()) {
      problems.add("at least one watch rule is required");
    } else {
      Set<String> names = new HashSet<>();
      for (WatchRule rule : r.rules()) {
        if (rule == null || rule.name() == null || !names.add(rule.name())
            || rule.metric() == null || rule.comparison() == null || rule.action() == null) {
          problems.add("every rule needs a unique name, a metric, a comparison and an action: " + rule);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("invalid watch request: " + String.join("; ", problems), INVALID_WATCH);
    }
  }
}
