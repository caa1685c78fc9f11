package dev.runbook.workflows.operations;

import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.kit.Failures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs a plan's checks in parallel, one activity each, and gathers their results in plan order.
 * A check whose activity fails (its worker could not run it at all) is a failed check in the
 * report, never a failed run: the report must say what could not be checked.
 */
public final class CheckBatch {
  private static final RetryOptions RETRY = RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
      .setBackoffCoefficient(2).setMaximumAttempts(3).build();

  private CheckBatch() {}

  /** A stub of {@code activities} for one check: bounded, few retries, named in the UI. */
  public static <T> T stub(Class<T> activities, String summary, Duration timeout) {
    return Workflow.newActivityStub(activities, ActivityOptions.newBuilder().setStartToCloseTimeout(timeout)
        .setRetryOptions(RETRY).setSummary(summary).build());
  }

  /** Runs {@code run} on every check (at once) and returns the results in the order of {@code checks}. */
  public static List<CheckResult> runAll(List<OperationCheck> checks,
      BiFunction<OperationCheck, String, CheckResult> run) {
    List<Promise<CheckResult>> pending = new ArrayList<>();
    for (OperationCheck check : checks) {
      String summary = check.kind() + " " + check.environment() + "/" + check.target();
      pending.add(Async.function(() -> {
        try {
          return run.apply(check, summary);
        } catch (ActivityFailure e) {
          return CheckResult.failed(check.kind(), check.environment(), check.target(),
              "could not check: " + Failures.rootMessage(e));
        }
      }));
    }
    return pending.stream().map(Promise::get).toList();
  }
}
