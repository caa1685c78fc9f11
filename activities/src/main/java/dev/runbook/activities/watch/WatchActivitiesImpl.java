package dev.runbook.activities.watch;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.IncidentActivities;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.rules.RuleEvaluator;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.WatchActivities;
import dev.runbook.workflows.contract.WatchProgress;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.WatchVerdict;
import dev.runbook.workflows.rules.WindowJudge;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch window as one heartbeating activity. The deadline is fixed on the first attempt and
 * travels in the heartbeat details with every rule's state, so a retry on another worker resumes
 * the same window and a breach that began before a crash keeps its start time. Every poll
 * heartbeats; an abort or early promotion arrives as the heartbeat's cancellation exception and is
 * rethrown untouched.
 */
public class WatchActivitiesImpl implements WatchActivities {
  private static final Logger log = LoggerFactory.getLogger(WatchActivitiesImpl.class);

  private static final long HEARTBEAT_SLICE_MILLIS = 1_000;

  private final Function<String, MetricSource> sources;
  private final RuleAlerts alerts;
  private final Clock clock;
  private final Sleeper sleeper;
  private final OpenWatches open;

  public WatchActivitiesImpl(
      Function<String, MetricSource> sources, NotificationActivities notifier, Clock clock, Sleeper sleeper) {
    this(sources, notifier, null, clock, sleeper, new OpenWatches(clock::millis));
  }

  /**
   * @param incidents opens a sev-2 incident when a PAGE rule fires; null: the rule only pages
   * @param open where this worker's open windows are counted, for its gauges
   */
  public WatchActivitiesImpl(Function<String, MetricSource> sources, NotificationActivities notifier,
      IncidentActivities incidents, Clock clock, Sleeper sleeper, OpenWatches open) {
    this.open = open;
    this.sources = sources;
    this.alerts = new RuleAlerts(notifier, incidents);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public WatchVerdict watchRollout(WatchRequest request) {
    Object handle = new Object();
    open.opened(handle);
    try {
      return watch(request, handle);
    } finally {
      open.closed(handle);
    }
  }

  private WatchVerdict watch(WatchRequest request, Object handle) {
    WatchRequests.validate(request);
    MetricSource source = sources.apply(request.environment());
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    WatchProgress progress = ctx.getHeartbeatDetails(WatchProgress.class).orElseGet(() ->
        new WatchProgress(clock.millis() + request.windowSeconds() * 1000, 0, Map.of(), List.of()));
    if (ctx.getInfo().getAttempt() > 1) {
      log.info("resuming watch of {} {} at attempt {}, deadline {}", request.service(), request.canaryColour(),
          ctx.getInfo().getAttempt(), progress.deadlineMillis());
    }
    Map<String, RuleState> states = new LinkedHashMap<>(progress.rules() == null ? Map.of() : progress.rules());
    Map<String, RuleObservation> latest = new LinkedHashMap<>();
    if (progress.observations() != null) {
      progress.observations().forEach(o -> latest.put(o.rule(), o));
    }
    int samples = progress.samples();
    long deadline = progress.deadlineMillis();
    long windowStart = deadline - request.windowSeconds() * 1000;
    long pollMillis = request.pollSeconds() * 1000;
    // A pending rollback rule may finish its `for` duration past the deadline. After a crash the
    // attempt may resume past the deadline, with breach state younger than the last heartbeat that
    // reached the server (heartbeats are throttled), so the extension counts from the resume too.
    long hardStop = Math.max(deadline, clock.millis()) + longestRollbackFor(request.rules()) * 1000 + pollMillis;

    while (true) {
      long now = clock.millis();
      WatchRule fired = null;
      for (WatchRule rule : request.rules()) {
        RuleState before = states.get(rule.name());
        MetricReading canary = read(source, WindowLookback.sinceWindowStart(rule, now, windowStart), request,
            request.canaryColour(), request.canaryVersion());
        MetricReading stable = stableReading(source, rule, request);
        RuleEvaluator.Evaluation eval =
            RuleEvaluator.evaluate(rule, canary, stable, before, now, request.staleAfterSeconds() * 1000);
        RuleState after = eval.state();
        if (rule.action() != RuleAction.ROLLBACK && RuleEvaluator.firedNow(before, after)) {
          after = alerts.fired(request, rule, eval.observation(), after);
        }
        states.put(rule.name(), after);
        latest.put(rule.name(), eval.observation());
        if (fired == null && rule.action() == RuleAction.ROLLBACK && eval.observation().verdict() == RuleVerdict.FIRING) {
          fired = rule;
        }
        // Also between rules: several slow reads must not add up to a heartbeat timeout.
        ctx.heartbeat(new WatchProgress(deadline, samples, Map.copyOf(states), List.copyOf(latest.values())));
      }
      samples++;
      open.observed(handle, request.rules(), latest, now);
      List<RuleObservation> observations = List.copyOf(latest.values());
      ctx.heartbeat(new WatchProgress(deadline, samples, Map.copyOf(states), observations));
      if (fired != null) {
        RuleObservation o = latest.get(fired.name());
        log.warn("rollback rule {} fired on {} {}: {}", fired.name(), request.service(), request.canaryColour(), o.detail());
        return new WatchVerdict(WatchResult.ROLLBACK, fired.name(), fired.describe() + ": " + o.detail(), observations,
            states.get(fired.name()).breachSinceMillis(), clock.millis(), samples);
      }
      now = clock.millis();
      if (now >= deadline
          && (now >= hardStop || !WindowJudge.anyRollbackRulePending(request.rules(), observations))) {
        return WindowJudge.conclude(request.rules(), states, observations, samples);
      }
      long wait = now < deadline ? Math.min(pollMillis, deadline - now) : pollMillis;
      WatchProgress current = new WatchProgress(deadline, samples, Map.copyOf(states), observations);
      // Heartbeat while waiting too: an abort or early promotion arrives within a second, not a poll.
      for (long left = wait; left > 0; left -= HEARTBEAT_SLICE_MILLIS) {
        pause(Math.min(left, HEARTBEAT_SLICE_MILLIS));
        ctx.heartbeat(current);
      }
    }
  }

  private MetricReading stableReading(MetricSource source, WatchRule rule, WatchRequest request) {
    if (!rule.relativeToStable() || request.stableColour() == null) {
      return null;
    }
    return read(source, rule, request, request.stableColour(), request.stableVersion());
  }

  /** A source that throws anyway still yields an (inconclusive) reading, never a dead watch. */
  private MetricReading read(MetricSource source, WatchRule rule, WatchRequest request, String colour, String version) {
    try {
      return source.read(rule, request.service(), request.environment(), colour, version);
    } catch (RuntimeException e) {
      log.warn("metric source failed for rule {} on {}: {}", rule.name(), colour, e.toString());
      return MetricReading.failed("metric source failed: " + e, clock.millis());
    }
  }

  private void pause(long millis) {
    try {
      sleeper.sleep(Duration.ofMillis(Math.max(1, millis)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static long longestRollbackFor(List<WatchRule> rules) {
    return rules.stream().filter(r -> r.action() == RuleAction.ROLLBACK).mapToLong(WatchRule::forSeconds).max().orElse(0);
  }
}
