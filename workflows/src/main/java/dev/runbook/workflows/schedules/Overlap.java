package dev.runbook.workflows.schedules;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;

/** What a schedule does when it fires while its previous run is still going (Temporal's overlap policies). */
public enum Overlap {
  /** The new run is not started; counted and notified as skipped. */
  SKIP(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP),
  /** One run waits and starts when the previous one ends; a further one is skipped. */
  BUFFER_ONE(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE);

  private final ScheduleOverlapPolicy temporal;

  Overlap(ScheduleOverlapPolicy temporal) {
    this.temporal = temporal;
  }

  public ScheduleOverlapPolicy temporal() {
    return temporal;
  }
}
