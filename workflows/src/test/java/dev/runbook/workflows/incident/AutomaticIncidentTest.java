package dev.runbook.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.IncidentEvent.Kind;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.Series;
import org.junit.jupiter.api.Test;

/** Runbooks open incidents: a code deploy whose rollback could not complete opens a sev-1 one. */
@RunbookTest({CodeDeployWorkflowImpl.class, IncidentResponseWorkflowImpl.class})
class AutomaticIncidentTest {
  private final RunbookTestEnvironment rt;

  AutomaticIncidentTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    rt.incidents.live(rt);
  }

  @Test
  void aRollbackThatCouldNotCompleteOpensASevOneIncidentThatPagesAndLeavesTheDeployAlone() {
    rt.watch.script("v1.6.0", MetricKind.ERROR_RATE_PERCENT, Series.stepUp(0.4, 6, 12.0));
    rt.platform.failAlways("retireSlot");
    rt.startCodeDeploy("v1.6.0");
    assertThat(rt.result(RunbookTestEnvironment.DEPLOY_ID).outcome()).isEqualTo(Outcome.FAILED);

    IncidentRuns incidents = new IncidentRuns(rt);
    IncidentView v = incidents.await("paged", x -> !x.pages().isEmpty());

    assertThat(v.severity()).isEqualTo(1);
    assertThat(v.openedBy()).isEqualTo(RunbookTestEnvironment.REQUESTER);
    assertThat(v.summary()).startsWith("rollback of v1.6.0 incomplete");
    assertThat(v.actions()).contains("roll back deploy:learning-api:production: it opened this incident after its own rollback");
    assertThat(rt.status(RunbookTestEnvironment.DEPLOY_ID).log()).anySatisfy(l ->
        assertThat(l.message()).isEqualTo("opened incident " + IncidentRuns.ID));
    assertThat(IncidentRuns.kinds(v)).startsWith(Kind.OPENED);
  }
}
