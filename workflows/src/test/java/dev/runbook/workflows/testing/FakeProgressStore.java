package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.progressmigration.ProgressMigrationActivities;
import dev.runbook.workflows.progressmigration.ProgressMigrationPlan;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A progress store that answers as scripted: a census before and after, a pass over {@code
 * batches} batches that may die half-way once (as a worker kill would: heartbeated a checkpoint,
 * then gone) and then resumes from its heartbeat details, or refusals. Records every call.
 */
public final class FakeProgressStore implements ProgressMigrationActivities {
  public static final ProgressCensus BEFORE = new ProgressCensus(12_000, 480_000, 9_000, 7_000);
  public static final ProgressCensus AFTER = new ProgressCensus(12_003, 480_150, 9_002, 0);

  private final List<String> calls = new ArrayList<>();
  private final List<ProgressMigrationTask> tasks = new ArrayList<>();
  private final List<Integer> resumedFrom = new ArrayList<>();
  private ApplicationFailure planRefusal;
  private ApplicationFailure migrateFailure;
  private ProgressCensus after = AFTER;
  private int batches = 3;
  private int dieAfterBatch = -1;
  private int counts;
  private int changesAtCount = Integer.MAX_VALUE;
  private ProgressCensus changedTo;

  public synchronized FakeProgressStore refusePlan(String message, String type) {
    planRefusal = ApplicationFailure.newNonRetryableFailure(message, type);
    return this;
  }

  public synchronized FakeProgressStore failMigration(String message, String type) {
    migrateFailure = ApplicationFailure.newNonRetryableFailure(message, type);
    return this;
  }

  public synchronized FakeProgressStore after(ProgressCensus census) {
    after = census;
    return this;
  }

  /**
   * From the {@code count}-th census on, answers {@code census} (a run waiting on it needs no
   * status polling, which would keep the test server from skipping time).
   */
  public synchronized FakeProgressStore fromCount(int count, ProgressCensus census) {
    changesAtCount = count;
    changedTo = census;
    return this;
  }

  /** The first attempt commits and heartbeats {@code batch} batches, then its worker dies. */
  public synchronized FakeProgressStore dieOnceAfterBatch(int batch) {
    dieAfterBatch = batch;
    return this;
  }

  @Override
  public synchronized ProgressMigrationPlan planProgressMigration(String environment) {
    calls.add("plan " + environment);
    if (planRefusal != null) {
      throw planRefusal;
    }
    EnvironmentPolicy p = Policies.production();
    EnvironmentPolicy policy = new EnvironmentPolicy(environment, "user_progress", "lesson-store", List.of(),
        p.approval(), p.pollSeconds(), p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), null, null);
    return new ProgressMigrationPlan(policy, "1.0", List.of("0.9 → 1.0"), BEFORE);
  }

  @Override
  public ProgressMigrationReport migrateProgressDocuments(ProgressMigrationTask task) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    int from = ctx.getHeartbeatDetails(Integer.class).orElse(0);
    synchronized (this) {
      calls.add("migrate " + task.environment() + " batch " + task.batchSize());
      tasks.add(task);
      resumedFrom.add(from);
      if (migrateFailure != null) {
        throw migrateFailure;
      }
    }
    for (int b = from + 1; b <= batches; b++) {
      ctx.heartbeat(b);
      synchronized (this) {
        if (b == dieAfterBatch) {
          dieAfterBatch = -1;
          throw ApplicationFailure.newFailure("worker killed after batch " + b, "WorkerKilled");
        }
      }
    }
    return new ProgressMigrationReport(batches, BEFORE.behind(), BEFORE.documents() - BEFORE.behind(), 4, from);
  }

  @Override
  public synchronized ProgressCensus countProgress(String environment) {
    calls.add("count " + environment);
    return ++counts >= changesAtCount ? changedTo : after;
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<ProgressMigrationTask> tasks() {
    return List.copyOf(tasks);
  }

  /** The checkpoint each attempt of the pass started from (0: the beginning). */
  public synchronized List<Integer> resumedFrom() {
    return List.copyOf(resumedFrom);
  }

  public synchronized Optional<ProgressMigrationTask> lastTask() {
    return tasks.isEmpty() ? Optional.empty() : Optional.of(tasks.get(tasks.size() - 1));
  }
}
