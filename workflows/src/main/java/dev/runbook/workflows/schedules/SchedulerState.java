package dev.runbook.workflows.schedules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a fallback scheduler carries across continue-as-new: the job, the last spec instant it
 * dealt with (so no fire is done twice nor forgotten), whether it is paused, its counters and its
 * recent fires.
 *
 * @param lastScheduledAtMillis null at the first start: the spec is counted from then
 * @param firesPerRun after this many fires the run continues as new (when idle), keeping history short
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulerState(ScheduledJob job, Long lastScheduledAtMillis, boolean paused, String note, long fired,
    long skipped, long missed, List<FireRecord> recent, int firesPerRun) {

  public static final int DEFAULT_FIRES_PER_RUN = 20;

  public SchedulerState {
    recent = recent == null ? List.of() : List.copyOf(recent);
    firesPerRun = firesPerRun <= 0 ? DEFAULT_FIRES_PER_RUN : firesPerRun;
  }

  public static SchedulerState start(ScheduledJob job) {
    return new SchedulerState(job, null, false, null, 0, 0, 0, List.of(), DEFAULT_FIRES_PER_RUN);
  }
}
