package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.contract.IncidentActivities;
import dev.runbook.workflows.incident.IncidentOpener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every incident a run asks for. {@link #live} opens them for real on the test server (the
 * test then registers IncidentResponse), with the escalation policy copied in as the worker does.
 */
public final class FakeIncidents implements IncidentActivities {
  private final List<IncidentRequest> requests = new CopyOnWriteArrayList<>();
  private volatile IncidentOpener opener;

  /** Opens incidents through {@code env}'s client, with {@link Policies#escalation()}. */
  public FakeIncidents live(RunbookTestEnvironment env) {
    opener = new IncidentOpener(env.client, env::options);
    return this;
  }

  @Override
  public IncidentJoin openIncident(IncidentRequest request) {
    requests.add(request);
    if (opener == null) {
      return new IncidentJoin(Procedure.INCIDENT_RESPONSE.workflowId(request), false, IncidentState.OPEN,
          request.severity());
    }
    return opener.openOrJoin(request.withEscalation(Policies.escalation()));
  }

  public List<IncidentRequest> requests() {
    return List.copyOf(requests);
  }
}
