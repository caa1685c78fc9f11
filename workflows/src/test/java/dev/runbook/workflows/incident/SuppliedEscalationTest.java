package dev.runbook.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An escalation policy in the request (UI JSON) is checked against the configured one at open: a
 * requester must not choose who is paged and who may acknowledge.
 */
@RunbookTest(IncidentResponseWorkflowImpl.class)
class SuppliedEscalationTest {
  private final RunbookTestEnvironment rt;
  private final IncidentRuns incidents;

  SuppliedEscalationTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.incidents = new IncidentRuns(rt);
  }

  @Test
  void aSuppliedPolicyThatIsNotTheConfiguredOneIsRefusedAndNothingIsPaged() {
    // one level, mallory only: she could acknowledge her own incident and silence the chain
    EscalationPolicy own = new EscalationPolicy(List.of(new EscalationLevel("me", List.of("mallory"), 3600)), 0,
        3600, 86400, 3600);
    IncidentRequest request = IncidentRuns.request(1, "error rate 12%").withEscalation(own);

    incidents.open(request);

    assertThatThrownBy(() -> rt.result(IncidentRuns.ID)).isInstanceOf(WorkflowFailedException.class).rootCause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("EscalationPolicyMismatch");
          assertThat(f.getOriginalMessage()).contains(
              "the escalation policy in the request is not the one configured for learning-api in production",
              "levels: 1 supplied, 3 configured",
              "levels[0]: supplied me [mallory] after 3600s, configured",
              "repeats: supplied 0, configured 1",
              "Leave 'escalation' out");
        });
    assertThat(rt.status(IncidentRuns.ID).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(rt.notifier.ofSeverity(dev.runbook.workflows.contract.Severity.PAGE)).isEmpty();
  }

  @Test
  void theConfiguredPolicySuppliedAsItIsOpensAndPagesByIt() {
    incidents.open(IncidentRuns.request(1, "error rate 12%").withEscalation(Policies.escalation()));

    IncidentView v = incidents.await("first page", x -> !x.pages().isEmpty());

    assertThat(v.policy()).isEqualTo(Policies.escalation());
    assertThatThrownBy(() -> incidents.ack("mallory")).isInstanceOf(WorkflowUpdateException.class);
  }
}
