package dev.runbook.workflows.contract;

import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Opens incidents on behalf of runbooks (a rollback that could not complete, a `page` rule). */
@ActivityInterface
public interface IncidentActivities {

  /**
   * Opens the incident of the request's service and environment with the environment's escalation
   * policy copied into its input, or joins the one already open ({@code joined=true}). Idempotent
   * by (service, environment) while an incident is open: a retry joins the incident the first
   * attempt opened (its timeline shows the page twice). Fails non-retryably with type {@code
   * NoEscalationPolicy} when the environment has none. Not undone: an incident is closed by people.
   */
  @ActivityMethod
  IncidentJoin openIncident(IncidentRequest request);
}
