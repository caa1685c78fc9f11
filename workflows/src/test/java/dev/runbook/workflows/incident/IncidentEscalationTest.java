package dev.runbook.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.EscalationPage;
import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentEvent.Kind;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Escalation on durable timers: exact due instants, acknowledgement at each level, re-arming, the repeat limit. */
@RunbookTest(IncidentResponseWorkflowImpl.class)
class IncidentEscalationTest {
  private static final long MIN = 60;
  private final RunbookTestEnvironment rt;
  private final IncidentRuns incidents;

  IncidentEscalationTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.incidents = new IncidentRuns(rt);
  }

  @Test
  void pagesEveryLevelAtItsInstantRepeatsTheChainOnceThenStops() {
    IncidentView opened = incidents.open(1);
    long t0 = opened.openedAtMillis();

    IncidentView v = incidents.after(121 * MIN, "escalation exhausted",
        x -> IncidentRuns.kinds(x).contains(Kind.ESCALATION_EXHAUSTED));

    // level 1 at once, level 2 after 15 min, level 3 after 30, the chain again from 60 min; nothing after
    assertThat(v.pages()).extracting(EscalationPage::level, EscalationPage::page,
        p -> (p.dueAtMillis() - t0) / 1000 / MIN, EscalationPage::dedupKey).containsExactly(
        tuple(1, 1, 0L, "escalate:level-1:page-1"), tuple(2, 1, 15L, "escalate:level-2:page-1"),
        tuple(3, 1, 30L, "escalate:level-3:page-1"), tuple(1, 2, 60L, "escalate:level-1:page-2"),
        tuple(2, 2, 75L, "escalate:level-2:page-2"), tuple(3, 2, 90L, "escalate:level-3:page-2"));
    assertThat(v.pages()).as("due on the minute, counted from the open")
        .allSatisfy(p -> assertThat((p.dueAtMillis() - t0) % 60_000).isZero());
    assertThat(v.pages()).as("each page fired at its timer's instant")
        .allSatisfy(p -> assertThat(p.firedAtMillis() - p.dueAtMillis()).isBetween(0L, 999L));
    List<Notification> pages = rt.notifier.ofSeverity(Severity.PAGE);
    assertThat(pages).extracting(Notification::event).containsExactly("escalate:level-1:page-1",
        "escalate:level-2:page-1", "escalate:level-3:page-1", "escalate:level-1:page-2", "escalate:level-2:page-2",
        "escalate:level-3:page-2");
    assertThat(pages.get(1).details()).containsEntry("incident", IncidentRuns.ID).containsEntry("level", "2")
        .containsEntry("who", "frank").containsEntry("acknowledge", "runbook incident ack '" + IncidentRuns.ID + "' --as NAME");
    assertThat(v.state()).isEqualTo(IncidentState.OPEN);

    IncidentAck ack = incidents.ack("grace");
    assertThat(ack.level()).isEqualTo(3);
    assertThat(ack.targetMet()).isFalse();
    assertThat(ack.secondsFromOpen()).isBetween(121 * MIN, 122 * MIN);
    assertThat(incidents.after(20 * MIN, "still acknowledged", x -> x.state() == IncidentState.ACKNOWLEDGED).pages())
        .hasSize(6);
  }

  @ParameterizedTest(name = "ack at level {0}")
  @CsvSource({"1, 4, dana, true", "2, 16, frank, false", "3, 31, erin, false"})
  void anAcknowledgementAtAnyLevelStopsEscalation(int level, long minutes, String who, boolean targetMet) {
    incidents.open(1);
    incidents.after(minutes * MIN, "level " + level + " paged", x -> x.pages().size() == level);

    IncidentAck ack = incidents.ack(who);

    assertThat(ack.by()).isEqualTo(who);
    assertThat(ack.level()).isEqualTo(level);
    assertThat(ack.targetMet()).isEqualTo(targetMet);
    assertThat(ack.targetSeconds()).isEqualTo(300);
    IncidentView v = incidents.after(20 * MIN, "acknowledged", x -> x.state() == IncidentState.ACKNOWLEDGED);
    assertThat(v.pages()).as("no page after the acknowledgement").hasSize(level);
    assertThat(v.firstAck()).isEqualTo(ack);
  }

  @Test
  void anAcknowledgementNotResolvedInTimeReArmsEscalationFromLevelOne() {
    incidents.open(1);
    rt.sleep(java.time.Duration.ofMinutes(2));
    IncidentAck ack = incidents.ack("erin");
    assertThat(ack.targetMet()).isTrue();

    IncidentView v = incidents.after(29 * MIN, "still acknowledged", x -> x.state() == IncidentState.ACKNOWLEDGED);
    assertThat(v.pages()).hasSize(1);
    v = incidents.after(2 * MIN, "re-armed", x -> x.pages().size() == 2);

    assertThat(v.state()).isEqualTo(IncidentState.OPEN);
    assertThat(v.pages().get(1)).satisfies(p -> {
      assertThat(p.level()).isEqualTo(1);
      assertThat(p.page()).isEqualTo(2);
      assertThat(p.dueAtMillis()).isEqualTo(ack.atMillis() + 30 * MIN * 1000);
    });
    assertThat(IncidentRuns.kinds(v)).containsSubsequence(Kind.ACKNOWLEDGED, Kind.ACK_TIMED_OUT, Kind.ESCALATED);
    assertThat(v.firstAck()).as("the response target stays measured by the first acknowledgement").isEqualTo(ack);
    assertThat(incidents.ack("frank").level()).isEqualTo(1);
  }

  @Test
  void aPolicyEditedAfterOpenDoesNotChangeTheOpenIncident() {
    incidents.open(1);
    rt.policies.use(Policies.withEscalation(Policies.production(), new EscalationPolicy(
        List.of(new EscalationLevel("everyone", List.of("zoe"), 60)), 0, 60, 3600, 600)));

    IncidentView v = incidents.after(16 * MIN, "level 2 paged", x -> x.pages().size() == 2);

    assertThat(v.policy()).isEqualTo(Policies.escalation());
    assertThat(v.pages().get(1).who()).containsExactly("frank");
    assertThatThrownBy(() -> incidents.ack("zoe")).isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("zoe is not on the escalation policy of production; on it: dana, erin, frank, grace");
    assertThat(rt.policies.calls()).as("resolved once, at open").hasSize(1);
  }

  @Test
  void aSevTwoPagesOnlyTheFirstLevelAndASevThreeOnlyNotifies() {
    incidents.open(2);
    IncidentView v = incidents.after(61 * MIN, "exhausted", x -> IncidentRuns.kinds(x).contains(Kind.ESCALATION_EXHAUSTED));
    assertThat(v.pages()).extracting(EscalationPage::level).containsExactly(1, 1);
    assertThat(v.actions()).contains("assess deploy:learning-api:production: no deploy running");
    assertThat(rt.notifier.ofSeverity(Severity.PAGE)).hasSize(2);
  }
}
