package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The platform's maintenance mode in one environment: while on, its public API answers 503 with
 * the message and learners' sessions hold, so nothing writes while the schema changes.
 */
@ActivityInterface
public interface MaintenanceActivities {

  /**
   * Turns maintenance on with the message users see. Idempotent by environment: when already on it
   * stays on (the first {@code since} is kept) and shows the latest message. Undone by
   * {@link #disableMaintenance}. A blank message or an unknown environment fails non-retryably.
   */
  @ActivityMethod
  MaintenanceStatus enableMaintenance(MaintenanceRequest request);

  /** Turns maintenance off. Idempotent: off when already off changes nothing. Undone by enabling again. */
  @ActivityMethod
  MaintenanceStatus disableMaintenance(String environment);
}
