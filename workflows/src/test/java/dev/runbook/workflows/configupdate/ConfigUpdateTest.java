package dev.runbook.workflows.configupdate;

import static dev.runbook.workflows.contract.MetricKind.ERROR_RATE_PERCENT;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ENV;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runbook.workflows.api.ConfigUpdateRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.Series;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Config update on the time-skipping server: snapshot → apply → rolling restart in batches of two
 * (each health-checked and watched); a failed health check, a rule or an abort restores the
 * recorded revision and restarts every instance again.
 */
@RunbookTest(ConfigUpdateWorkflowImpl.class)
class ConfigUpdateTest {
  static final String ID = Procedure.CONFIG_UPDATE.workflowId(SERVICE, ENV);
  private final RunbookTestEnvironment rt;

  ConfigUpdateTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    rt.policies.use(Policies.rolling(Policies.production(), 1, 1, 60));
  }

  static ConfigUpdateRequest request(Map<String, String> set, Map<String, String> secrets) {
    return new ConfigUpdateRequest(SERVICE, ENV, set, secrets, null, "raise the timeout", "carol", "ops-9");
  }

  private void start(ConfigUpdateRequest request) {
    ConfigUpdateWorkflow stub = rt.client.newWorkflowStub(ConfigUpdateWorkflow.class, rt.options(ID));
    WorkflowClient.start(stub::update, request);
  }

  @Test
  void appliesTheChangeAndRestartsEveryInstanceInBatches() {
    start(request(Map.of("REQUEST_TIMEOUT_MS", "800"), Map.of("DB_PASSWORD", "env:LEARNING_API_DB_PASSWORD")));

    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).startsWith("config revision 2 (").endsWith(") on all 4 instances of blue");
    assertThat(rt.instances.calls()).containsExactly("config set REQUEST_TIMEOUT_MS secrets DB_PASSWORD",
        "restart 0", "restart 1", "restart 2", "restart 3");
    assertThat(rt.instances.configRevisions()).containsOnly(2);
    assertThat(rt.status(ID).steps()).extracting(StepView::name).containsExactly(
        "Record the current config", "Apply set REQUEST_TIMEOUT_MS; secrets DB_PASSWORD",
        "Batch 1/2: instances 0, 1 → config revision 2 (watch 1m)",
        "Batch 2/2: instances 2, 3 → config revision 2 (watch 1m)");
    assertThat(rt.watch.requests()).hasSize(2).allSatisfy(w -> assertThat(w.stableColour()).isNull());
    assertThat(rt.platform.mutatingCalls()).as("no release moves").isEmpty();
  }

  @Test
  void aBadValueThatFailsHealthChecksIsRestoredAndTheInstancesRestartedAgain() {
    rt.instances.badKeys.add("REQUEST_TIMEOUT_MS");
    start(request(Map.of("REQUEST_TIMEOUT_MS", "soon"), null));

    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("Batch 1/2");
    assertThat(rt.instances.calls()).containsExactly("config set REQUEST_TIMEOUT_MS", "restart 0", "restart 1",
        "config restore 1", "restart 0", "restart 1", "restart 2", "restart 3");
    assertThat(rt.instances.configRevisions()).as("every instance runs the restored config").containsOnly(3);
    assertThat(rt.status(ID).log()).anySatisfy(l -> assertThat(l.message()).contains("config restored: revision 3"));
  }

  @Test
  void aRuleDuringTheSecondBatchRestoresTheConfigToo() {
    rt.watch.scriptDuring("Batch 2/2", "v1.5.0", ERROR_RATE_PERCENT, Series.stepUp(0.4, 2, 12.0));
    start(request(Map.of("FEATURE_BROKEN_CHECKOUT", "on"), null));

    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(Policies.ERROR_RATE);
    assertThat(rt.instances.calls()).startsWith("config set FEATURE_BROKEN_CHECKOUT", "restart 0", "restart 1",
        "restart 2", "restart 3", "config restore 1");
    assertThat(rt.instances.configRevisions()).containsOnly(3);
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingMovesAndNeverEchoASecret() {
    ApplicationFailure empty = refused(request(Map.of(), Map.of()));
    assertThat(empty.getOriginalMessage()).contains("the change is empty");

    ApplicationFailure plain = refused(new ConfigUpdateRequest(SERVICE, ENV, Map.of("timeout", "1"),
        Map.of("DB_PASSWORD", "hunter2"), List.of("REQUEST_TIMEOUT_MS"), null, "carol", null));
    assertThat(plain.getOriginalMessage()).contains("key 'timeout' is not a config key")
        .contains("secrets.DB_PASSWORD must be a reference").doesNotContain("hunter2");

    ApplicationFailure unknown = refused(new ConfigUpdateRequest("billing", ENV, Map.of("A", "1"), null, null, null,
        "carol", null));
    assertThat(unknown.getType()).isEqualTo("UnknownService");
    assertThat(rt.instances.calls()).isEmpty();
  }

  private ApplicationFailure refused(ConfigUpdateRequest request) {
    String id = "ui-" + System.nanoTime();
    WorkflowClient.start(rt.client.newWorkflowStub(ConfigUpdateWorkflow.class, rt.options(id))::update, request);
    Throwable t = catchThrowable(() -> rt.untyped(id).getResult(15, TimeUnit.SECONDS, RunbookResult.class));
    assertThat(t).isInstanceOf(WorkflowFailedException.class);
    ApplicationFailure failure = (ApplicationFailure) t.getCause();
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(rt.searchAttribute(id, "RunbookOutcome")).isEqualTo("REFUSED");
    return failure;
  }
}
