package dev.runbook.workflows.schedules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A schedule as {@code runbook schedules list} shows it, whichever path runs it.
 *
 * @param mode {@code temporal-schedule} (a cluster's Schedules API) or {@code fallback-workflow}
 * @param running the run it started that is still going; null when none
 * @param buffered the spec instant of a run waiting for the running one (buffer-one); null when none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleView(String name, String mode, ScheduledJob job, boolean paused, String note,
    Long nextFireAtMillis, String running, Long buffered, long fired, long skipped, long missed,
    List<FireRecord> recent) {}
