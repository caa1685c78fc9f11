package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.rules.RuleEvaluator;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.WatchActivities;
import dev.runbook.workflows.contract.WatchProgress;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.WatchVerdict;
import dev.runbook.workflows.rules.WindowJudge;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The watch activity over scripted metric series, in virtual time: sample {@code i} is read at
 * the activity's scheduled time + {@code i * pollSeconds}. It runs the real {@link RuleEvaluator}
 * and {@link WindowJudge}, heartbeats a {@link WatchProgress} after every sample (so a retry
 * resumes), extends the window while a rollback rule is pending, and notifies once per breach for
 * notify/page rules. Metrics are scripted per (version, metric); unscripted ones read healthy.
 * {@link #blockDuring(String)} holds a window (heartbeating) until it is cancelled or released.
 */
public final class ScriptedWatch implements WatchActivities {

  /** A held window: the test waits until it is {@link #awaitEntered() entered} and acts meanwhile. */
  public static final class Block {
    private final String labelFragment;
    private final CountDownLatch entered = new CountDownLatch(1);
    private volatile boolean released;

    Block(String labelFragment) {
      this.labelFragment = labelFragment;
    }

    public void awaitEntered() {
      try {
        if (!entered.await(20, TimeUnit.SECONDS)) {
          throw new AssertionError("the watch of '" + labelFragment + "' never started");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    public void release() {
      released = true;
    }
  }

  /** What one window did. */
  public record Window(WatchRequest request, int samples, WatchResult result, boolean cancelled) {}

  private final FakePlatform platform;
  private final RecordingNotifier notifier;
  private final Map<String, Series> scripts = new ConcurrentHashMap<>();
  private final List<WatchRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Window> windows = new CopyOnWriteArrayList<>();
  private final List<Block> blocks = new CopyOnWriteArrayList<>();

  public ScriptedWatch(FakePlatform platform, RecordingNotifier notifier) {
    this.platform = platform;
    this.notifier = notifier;
  }

  /** What {@code metric} of a colour running {@code version} reads, sample by sample. */
  public ScriptedWatch script(String version, MetricKind metric, Series series) {
    scripts.put(version + "|" + metric, series);
    return this;
  }

  /** Like {@link #script}, but only in windows whose step label contains {@code labelFragment}. */
  public ScriptedWatch scriptDuring(String labelFragment, String version, MetricKind metric, Series series) {
    scripts.put(labelFragment + "@" + version + "|" + metric, series);
    return this;
  }

  /** The next window whose step label contains {@code labelFragment} holds after its first sample. */
  public Block blockDuring(String labelFragment) {
    Block block = new Block(labelFragment);
    blocks.add(block);
    return block;
  }

  public void releaseAll() {
    blocks.forEach(Block::release);
  }

  public List<WatchRequest> requests() {
    return List.copyOf(requests);
  }

  public List<Window> windows() {
    return List.copyOf(windows);
  }

  @Override
  public WatchVerdict watchRollout(WatchRequest request) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    requests.add(request);
    long windowMillis = request.windowSeconds() * 1000L;
    WatchProgress progress = ctx.getHeartbeatDetails(WatchProgress.class)
        .orElse(new WatchProgress(ctx.getInfo().getScheduledTimestamp() + windowMillis, 0, Map.of(), List.of()));
    long deadline = progress.deadlineMillis();
    long base = deadline - windowMillis;
    long pollMillis = request.pollSeconds() * 1000L;
    long longestFor = request.rules().stream().mapToLong(WatchRule::forSeconds).max().orElse(0);
    long hardStop = deadline + longestFor * 1000L + pollMillis;
    Map<String, RuleState> states = new HashMap<>(progress.rules() == null ? Map.of() : progress.rules());
    List<RuleObservation> latest = progress.observations() == null ? List.of() : progress.observations();
    // a lesson's "colour" is its version; a service's colour is looked up on the platform
    String stableVersion = platform.versionOn(request.stableColour()) != null
        ? platform.versionOn(request.stableColour()) : request.stableColour();
    Block block = takeBlock(request.stepLabel());

    int i = progress.samples();
    try {
      while (true) {
        long now = base + i * pollMillis;
        if (now > deadline && (now > hardStop || !WindowJudge.anyRollbackRulePending(request.rules(), latest))) {
          break;
        }
        List<RuleObservation> observations = new ArrayList<>();
        WatchVerdict rollback = null;
        for (WatchRule rule : request.rules()) {
          MetricReading canary = reading(request.stepLabel(), request.canaryVersion(), rule.metric(), i, now);
          MetricReading stable = rule.relativeToStable()
              ? reading(request.stepLabel(), stableVersion, rule.metric(), i, now) : null;
          RuleState before = states.get(rule.name());
          RuleEvaluator.Evaluation evaluation =
              RuleEvaluator.evaluate(rule, canary, stable, before, now, request.staleAfterSeconds() * 1000L);
          states.put(rule.name(), evaluation.state());
          RuleObservation observation = evaluation.observation();
          observations.add(observation);
          if (rule.action() == RuleAction.ROLLBACK && observation.verdict() == RuleVerdict.FIRING && rollback == null) {
            rollback = new WatchVerdict(WatchResult.ROLLBACK, rule.name(), rule.describe() + " — " + observation.detail()
                + " (value " + observation.value() + ", threshold " + observation.threshold() + ")",
                observations, evaluation.state().breachSinceMillis(), now, i + 1);
          } else if (rule.action() != RuleAction.ROLLBACK && RuleEvaluator.firedNow(before, evaluation.state())) {
            notifier.notify(new Notification(rule.action() == RuleAction.PAGE ? Severity.PAGE : Severity.WARNING,
                rule.name() + " fired on " + request.canaryVersion(), rule.describe() + ": " + observation.detail(),
                request.service(), request.environment(), request.workflowId()));
          }
        }
        i++;
        latest = List.copyOf(observations);
        ctx.heartbeat(new WatchProgress(deadline, i, Map.copyOf(states), latest));
        if (rollback != null) {
          windows.add(new Window(request, i, WatchResult.ROLLBACK, false));
          return new WatchVerdict(rollback.result(), rollback.rule(), rollback.reason(), latest,
              rollback.breachStartedAtMillis(), rollback.decidedAtMillis(), i);
        }
        if (block != null) {
          hold(ctx, block, new WatchProgress(deadline, i, Map.copyOf(states), latest));
          block = null;
        }
      }
    } catch (ActivityCompletionException cancelled) {
      windows.add(new Window(request, i, null, true));
      throw cancelled;
    }
    WatchVerdict verdict = WindowJudge.conclude(request.rules(), states, latest, i);
    windows.add(new Window(request, i, verdict.result(), false));
    return verdict;
  }

  private void hold(ActivityExecutionContext ctx, Block held, WatchProgress progress) {
    held.entered.countDown();
    while (!held.released) {
      ctx.heartbeat(progress);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("worker shutting down", e);
      }
    }
  }

  private Block takeBlock(String label) {
    for (Block b : blocks) {
      if (b.entered.getCount() > 0 && label != null && label.contains(b.labelFragment)) {
        return b;
      }
    }
    return null;
  }

  private MetricReading reading(String label, String version, MetricKind metric, int i, long now) {
    if (version == null) {
      return null;
    }
    Series series = scripts.entrySet().stream()
        .filter(e -> e.getKey().endsWith("@" + version + "|" + metric)
            && label.contains(e.getKey().substring(0, e.getKey().indexOf('@'))))
        .map(Map.Entry::getValue).findFirst().orElse(scripts.get(version + "|" + metric));
    return series != null ? series.at(i, now) : healthy(metric).at(i, now);
  }

  /** What a healthy release reads when nothing is scripted. */
  public static Series healthy(MetricKind metric) {
    return switch (metric) {
      case ERROR_RATE_PERCENT -> Series.constant(0.4);
      case LATENCY_P95_MS -> Series.constant(350);
      case HEALTH_CHECK_FAILURES, COMPLAINTS, CUSTOM -> Series.constant(0);
      case LESSON_ERROR_RATE_PERCENT -> Series.constant(0.3);
      case LESSON_COMPLETION_RATE_PERCENT -> Series.constant(72);
      case LESSON_NEGATIVE_FEEDBACK_PERCENT -> Series.constant(6);
    };
  }
}
