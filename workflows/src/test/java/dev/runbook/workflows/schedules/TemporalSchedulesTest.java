package dev.runbook.workflows.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.OperationRequest;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster path, field by field: the embedded test server has no Schedules API, so this is
 * what is checked here; it was not run against a real cluster.
 */
class TemporalSchedulesTest {

  @Test
  void theDailyHealthCheckIsACronInUtcThatSkipsOverlaps() {
    Schedule s = TemporalSchedules.build(ScheduledJobs.defaults().get(0), "runbook");

    assertThat(s.getSpec().getCronExpressions()).containsExactly("0 6 * * *");
    assertThat(s.getSpec().getTimeZoneName()).isEqualTo("UTC");
    assertThat(s.getSpec().getCalendars()).isNullOrEmpty();
    assertThat(s.getPolicy().getOverlap()).isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);
    assertThat(s.getPolicy().getCatchupWindow()).isEqualTo(Duration.ofHours(1));
    assertThat(s.getPolicy().isPauseOnFailure()).isFalse();
    assertThat(s.getState().isPaused()).isFalse();
    ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) s.getAction();
    assertThat(action.getWorkflowType()).isEqualTo("DailyHealthCheck");
    assertThat(action.getOptions().getWorkflowId()).isEqualTo("health:daily:all");
    assertThat(action.getOptions().getTaskQueue()).isEqualTo("runbook");
    OperationRequest input = action.getArguments().get(0, OperationRequest.class);
    assertThat(input.environment()).isEqualTo("all");
    assertThat(input.requestedBy()).isEqualTo("schedule");
  }

  @Test
  void bufferOneAndPauseOnFailureWithAShortCatchUpWindowAreCarriedOver() {
    ScheduledJob monthly = new ScheduledJob("monthly-dr-test", "health-check", "staging", "0 3 1 * *", Overlap.SKIP,
        600, true);
    ScheduledJob weekly = new ScheduledJob("weekly", "health-check", "all", "0 7 * * 1", Overlap.BUFFER_ONE, 3600,
        false);

    Schedule m = TemporalSchedules.build(monthly, "runbook");
    Schedule w = TemporalSchedules.build(weekly, "runbook");

    assertThat(m.getPolicy().getOverlap()).isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);
    assertThat(m.getPolicy().getCatchupWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(m.getPolicy().isPauseOnFailure()).isTrue();
    assertThat(m.getSpec().getCronExpressions()).containsExactly("0 3 1 * *");
    assertThat(w.getPolicy().getOverlap()).isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE);
    assertThat(w.getSpec().getCronExpressions()).isEqualTo(List.of("0 7 * * 1"));
    assertThat(DefaultDataConverter.STANDARD_INSTANCE).isNotNull();
  }

  @Test
  void aBadSpecIsRefusedNamingTheField() {
    ScheduledJob bad = new ScheduledJob("x", "health-check", "all", "0 25 * * *", Overlap.SKIP, 60, false);
    assertThatThrownBy(() -> TemporalSchedules.build(bad, "runbook")).hasMessage("hour 25 is outside 0-23");
  }
}
