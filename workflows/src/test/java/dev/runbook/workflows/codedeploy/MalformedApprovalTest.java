package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Approval payloads of the wrong shape, sent as the Temporal UI or `temporal workflow signal` would
 * send them (a bare string, a number, a misspelt field): each signal is refused into the status and
 * the approvals audit with its reason and nothing is logged for it; an update is rejected by its
 * validator with the same words (never Jackson's). The run keeps waiting, and a good promote works.
 */
@RunbookTest(CodeDeployWorkflowImpl.class)
class MalformedApprovalTest {
  private final RunbookTestEnvironment rt;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  MalformedApprovalTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  @BeforeEach
  void captureLogs() {
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void close() {
    root.detachAppender(logged);
  }

  @Test
  void malformedPromoteSignalsAreRefusedIntoTheAuditWithoutLogging() throws Exception {
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    WorkflowStub run = rt.untyped(DEPLOY_ID);

    run.signal("promote", "alice");
    run.signal("promote", 42);
    run.signal("promote", Map.of("approver", "bob", "ful", true));
    run.signal("abort", "stop it");

    RunbookStatus status = rt.awaitStatus(DEPLOY_ID, "4 refusals recorded", s -> s.approvals().size() == 4);
    assertThat(status.approvals()).extracting(ApprovalRecord::action, ApprovalRecord::approver, ApprovalRecord::accepted)
        .containsExactly(tuple("promote", null, false), tuple("promote", null, false), tuple("promote", "bob", false),
            tuple("abort", null, false));
    assertThat(status.approvals()).extracting(ApprovalRecord::reason).containsExactly(
        "promote needs a JSON object such as {\"approver\":\"alice\",\"full\":false}; got the string \"alice\"",
        "promote needs a JSON object such as {\"approver\":\"alice\",\"full\":false}; got the number 42",
        "promote has unknown field 'ful': did you mean full?",
        "abort needs a JSON object such as {\"approver\":\"bob\",\"reason\":\"...\"}; got the string \"stop it\"");
    assertThat(status.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(aboutApprovalPayloads(logged.list)).as("log events about the malformed payloads").isEmpty();

    String updateRefusal = updateRefusal(() -> run.update("promote", ApprovalRecord.class, "alice"));
    assertThat(updateRefusal).isEqualTo(
        "promote needs a JSON object such as {\"approver\":\"alice\",\"full\":false}; got the string \"alice\"");
    assertThat(updateRefusal(() -> run.update("promoteUpdate", ApprovalRecord.class, Map.of("approver", "bob", "skipCanary", true))))
        .as("the update's former name goes through the same check")
        .isEqualTo("promote has unknown field 'skipCanary' (known: approver, full, workflowId, comment)");
    assertThat(updateRefusal(() -> run.update("abort", ApprovalRecord.class, 7))).startsWith("abort needs a JSON object");

    ApprovalRecord accepted = run.update("promote", ApprovalRecord.class, Map.of("approver", "bob"));
    assertThat(accepted.accepted()).isTrue();
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    rt.abort(DEPLOY_ID, "bob", "done testing");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.registry.approvals()).extracting(ApprovalRecord::action, ApprovalRecord::accepted).containsExactly(
        tuple("promote", false), tuple("promote", false), tuple("promote", false), tuple("abort", false),
        tuple("promote", true), tuple("abort", true));
    assertThat(aboutApprovalPayloads(logged.list)).as("log events about the malformed payloads").isEmpty();
    // the refusals' version marker, taken in a signal handler, replays
    assertThat(rt.events(DEPLOY_ID, EventType.EVENT_TYPE_MARKER_RECORDED))
        .anySatisfy(e -> assertThat(e.toString()).contains("refuse-malformed-approvals"));
    WorkflowReplayer.replayWorkflowExecution(rt.history(DEPLOY_ID), CodeDeployWorkflowImpl.class);
  }

  /** Whatever the SDK logged about these payloads: a failed conversion names the type or the signal. */
  private static List<String> aboutApprovalPayloads(List<ILoggingEvent> events) {
    return events.stream()
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
        .filter(text -> text.contains("PromoteRequest") || text.contains("AbortRequest") || text.contains("promote")
            || text.contains("abort") || text.contains("deserializ"))
        .toList();
  }

  private static String updateRefusal(Runnable update) {
    Throwable t = catchThrowable(update::run);
    assertThat(t).isInstanceOf(WorkflowUpdateException.class);
    Throwable cause = t;
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("the validator's failure").isNotNull();
    return ((ApplicationFailure) cause).getOriginalMessage();
  }
}
