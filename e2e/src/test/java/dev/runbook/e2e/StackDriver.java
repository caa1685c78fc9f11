package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.starter.stack.LocalStack;
import dev.runbook.starter.stack.LocalStackOptions;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Drives the real embedded stack from a test: starts deploys through Temporal, sends approvals as
 * an approver would (signals), and reads the sandbox's admin API, the platform's own record.
 */
final class StackDriver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  final LocalStack stack;
  final WorkflowClient client;

  StackDriver() {
    this(options -> options);
  }

  /** {@code tune} adjusts the ephemeral stack, e.g. a slow sandbox API for crash tests. */
  StackDriver(java.util.function.UnaryOperator<LocalStackOptions> tune) {
    String home = System.getProperty("runbook.home", Path.of("..").toAbsolutePath().normalize().toString());
    stack = LocalStack.start(tune.apply(LocalStackOptions.ephemeral(Path.of(home)).withShutdownHook(true)));
    client = stack.workflowClient();
  }

  WorkflowStub startCodeDeploy(String service, String version) {
    return startCodeDeploy(service, "local", version);
  }

  WorkflowStub startCodeDeploy(String service, String environment, String version) {
    String id = Procedure.CODE_DEPLOY.workflowId(service, environment);
    WorkflowStub stub = client.newUntypedWorkflowStub(Procedure.CODE_DEPLOY.workflowType(),
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(id).build());
    stub.start(new CodeDeployRequest(service, environment, version, "ci", "e2e-" + version));
    return client.newUntypedWorkflowStub(id);
  }

  /** Starts a code deploy under {@code workflowId}, as the Temporal UI's Start Workflow form does with its random id. */
  WorkflowStub startCodeDeployUnder(String workflowId, String service, String version, String requestedBy) {
    WorkflowStub stub = client.newUntypedWorkflowStub(Procedure.CODE_DEPLOY.workflowType(),
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(workflowId).build());
    stub.start(new CodeDeployRequest(service, "local", version, requestedBy, null));
    return client.newUntypedWorkflowStub(workflowId);
  }

  /** Starts an emergency deploy under {@code workflowId} (a free id, as from the Temporal UI). */
  WorkflowStub startEmergencyDeployUnder(String workflowId, String service, String version, String requestedBy) {
    return startUnder(Procedure.EMERGENCY_DEPLOY, workflowId,
        new dev.runbook.workflows.api.EmergencyDeployRequest(service, "local", version, "bench", requestedBy, null));
  }

  /** Starts a rollback to {@code toVersion} under {@code workflowId} (a free id, as from the Temporal UI). */
  WorkflowStub startRollbackUnder(String workflowId, String service, String toVersion, String requestedBy) {
    return startUnder(Procedure.ROLLBACK, workflowId,
        new dev.runbook.workflows.api.RollbackRequest(service, "local", toVersion, "bench", requestedBy, null));
  }

  /** Starts a lesson update of {@code file} under {@code workflowId} (a free id, as from the Temporal UI). */
  WorkflowStub startLessonUpdateUnder(String workflowId, Path file, String requestedBy) throws java.io.IOException {
    String yaml = java.nio.file.Files.readString(file);
    String lessonId = dev.runbook.lessons.validation.LessonValidator.validate(file).lesson().orElseThrow().id();
    return startUnder(Procedure.LESSON_UPDATE, workflowId,
        new LessonUpdateRequest(lessonId, file.getFileName().toString(), yaml, "local", requestedBy, null));
  }

  private WorkflowStub startUnder(Procedure procedure, String workflowId, Object request) {
    WorkflowStub stub = client.newUntypedWorkflowStub(procedure.workflowType(),
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(workflowId).build());
    stub.start(request);
    return client.newUntypedWorkflowStub(workflowId, java.util.Optional.of(stub.getExecution().getRunId()),
        java.util.Optional.empty());
  }

  /** How a run ended: its result, or for a failed run the failure type ("TargetLocked" for a refusal) and message. */
  record RunEnd(Outcome outcome, String failureType, String reason) {}

  RunEnd end(WorkflowStub run, Duration limit) {
    try {
      RunbookResult r = run.getResult(limit.toSeconds(), TimeUnit.SECONDS, RunbookResult.class);
      return new RunEnd(r.outcome(), null, r.reason());
    } catch (io.temporal.client.WorkflowFailedException e) {
      Throwable cause = e.getCause();
      String type = cause instanceof io.temporal.failure.ApplicationFailure af ? af.getType()
          : cause == null ? null : cause.getClass().getSimpleName();
      String message = cause instanceof io.temporal.failure.ApplicationFailure af ? af.getOriginalMessage()
          : String.valueOf(cause);
      Outcome outcome = "TargetLocked".equals(type) ? Outcome.REFUSED : Outcome.FAILED;
      try {
        RunbookStatus s = status(run);
        outcome = s.outcome() != null ? s.outcome() : outcome;
      } catch (RuntimeException noStatus) {
        // a terminated run answers no query; keep the failure's reading
      }
      return new RunEnd(outcome, type, message);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(run.getExecution().getWorkflowId() + " did not end within " + limit, e);
    }
  }

  void abort(WorkflowStub run, String approver) {
    run.signal("abort", new dev.runbook.workflows.api.AbortRequest(approver, "bench over", null));
  }

  /** The run's history as it is now. */
  io.temporal.common.WorkflowExecutionHistory history(WorkflowStub run) {
    return client.fetchHistory(run.getExecution().getWorkflowId(), run.getExecution().getRunId());
  }

  /** Starts a lesson update of {@code file} on the local environment, as {@code runbook start lesson-update} does. */
  WorkflowStub startLessonUpdate(Path file) throws java.io.IOException {
    String yaml = java.nio.file.Files.readString(file);
    String lessonId = dev.runbook.lessons.validation.LessonValidator.validate(file).lesson().orElseThrow().id();
    String id = Procedure.LESSON_UPDATE.workflowId(lessonId, "local");
    WorkflowStub stub = client.newUntypedWorkflowStub(Procedure.LESSON_UPDATE.workflowType(),
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(id).build());
    stub.start(new LessonUpdateRequest(lessonId, file.getFileName().toString(), yaml, "local", "ci", null));
    return client.newUntypedWorkflowStub(id);
  }

  /** Runs {@code read} while the sandbox's learners are paused, so it sees a consistent snapshot. */
  <T> T withLearnersPaused(java.util.function.Supplier<T> read) throws Exception {
    post("/api/learners/pause");
    try {
      return read.get();
    } finally {
      post("/api/learners/resume");
    }
  }

  private void post(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.sandboxAdminUrl() + path))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  RunbookStatus status(WorkflowStub run) {
    return run.query("status", RunbookStatus.class);
  }

  /** Polls the status query until {@code condition} holds (or the run ends), every 50 ms. */
  RunbookStatus await(WorkflowStub run, Predicate<RunbookStatus> condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    RunbookStatus last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = status(run);
        if (condition.test(last) || last.phase() == Phase.DONE) {
          return last;
        }
      } catch (RuntimeException queryWhileNoWorker) {
        // no worker to answer the query right now (between a kill and a restart)
      }
      Thread.sleep(50);
    }
    throw new AssertionError("condition not reached within " + limit + "; last status phase "
        + (last == null ? "unknown" : last.phase() + " log " + last.log()));
  }

  /** Follows a run to its end, promoting as alice (by signal, like the Temporal UI) whenever it waits. */
  RunbookResult finishPromoting(WorkflowStub run, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      RunbookStatus s = await(run, st -> st.phase() == Phase.AWAITING_APPROVAL, Duration.ofNanos(deadline - System.nanoTime()));
      if (s.phase() == Phase.DONE) {
        break;
      }
      run.signal("promote", new PromoteRequest("alice", false, s.workflowId(), "e2e"));
      await(run, st -> st.phase() != Phase.AWAITING_APPROVAL, Duration.ofSeconds(30));
    }
    return run.getResult(60, TimeUnit.SECONDS, RunbookResult.class);
  }

  JsonNode service(String service) throws Exception {
    return getJson("/api/services/" + service);
  }

  /** Effective admin actions the sandbox performed (deploy, traffic, live, retire). */
  List<JsonNode> adminLog() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    getJson("/api/log").forEach(out::add);
    return out;
  }

  /** The admin actions on {@code service} alone (other test classes share the stack's sandbox). */
  List<JsonNode> adminLog(String service) throws Exception {
    return adminLog().stream().filter(a -> service.equals(a.path("service").asText())).toList();
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.sandboxAdminUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    stack.close();
  }
}
