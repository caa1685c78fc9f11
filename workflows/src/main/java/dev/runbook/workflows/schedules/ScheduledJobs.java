package dev.runbook.workflows.schedules;

import dev.runbook.workflows.api.OperationRequest;
import java.util.List;

/** The schedules seed 002's operational runbooks run on, by default (the worker's configuration may change them). */
public final class ScheduledJobs {
  public static final String DAILY_HEALTH_CHECK = "daily-health-check";

  private ScheduledJobs() {}

  public static List<ScheduledJob> defaults() {
    return List.of(
        new ScheduledJob(DAILY_HEALTH_CHECK, "health-check", OperationRequest.ALL, "0 6 * * *", Overlap.SKIP, 3600,
            false));
  }
}
