package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.IncidentAck;
import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentEvent;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Opens and drives incidents of learning-api in production on a test environment. */
final class IncidentRuns {
  static final String ID = Procedure.INCIDENT_RESPONSE.workflowId(RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV);

  private final RunbookTestEnvironment rt;

  IncidentRuns(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  static IncidentRequest request(int severity, String summary) {
    return new IncidentRequest(severity, RunbookTestEnvironment.SERVICE, RunbookTestEnvironment.ENV, summary, "carol",
        "pager-1", null, null);
  }

  IncidentJoin open(IncidentRequest request) {
    return new IncidentOpener(rt.client, rt::options).openOrJoin(request);
  }

  /** Opens a sev-N incident and waits until its first page has gone out. */
  IncidentView open(int severity) {
    open(request(severity, "error rate 12% on learning-api"));
    return await("first page sent", v -> !v.pages().isEmpty());
  }

  IncidentResponseWorkflow stub() {
    return rt.client.newWorkflowStub(IncidentResponseWorkflow.class, ID);
  }

  IncidentView view() {
    return stub().incident();
  }

  IncidentView await(String what, Predicate<IncidentView> condition) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    IncidentView last = null;
    while (System.nanoTime() < giveUpAt) {
      last = view();
      if (last != null && condition.test(last)) {
        return last;
      }
      RunbookTestEnvironment.sleepQuietly(10);
    }
    throw new AssertionError("incident never reached: " + what + "; last: " + last);
  }

  /** Skips {@code seconds} of virtual time, then waits for the run to settle on what it brought. */
  IncidentView after(long seconds, String what, Predicate<IncidentView> condition) {
    rt.sleep(java.time.Duration.ofSeconds(seconds));
    return await(what, condition);
  }

  IncidentAck ack(String by) {
    return stub().acknowledge(new IncidentCommand(by, null));
  }

  IncidentView resolve(String by, String summary) {
    return stub().resolve(new IncidentCommand(by, summary));
  }

  static List<IncidentEvent.Kind> kinds(IncidentView v) {
    return v.timeline().stream().map(IncidentEvent::kind).toList();
  }
}
