package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.StagingFirstActivities;
import dev.runbook.workflows.contract.StagingVerdict;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staging-first rule over the {@link RecordingRegistry}, like the real one over the release
 * registry: an environment that {@link #require}s another is satisfied by a code deploy of the
 * same service and version that ended SUCCEEDED there. No environment requires one by default.
 */
public final class FakeStagingFirst implements StagingFirstActivities {
  private final RecordingRegistry registry;
  private final Map<String, String> requiredIn = new ConcurrentHashMap<>();

  FakeStagingFirst(RecordingRegistry registry) {
    this.registry = registry;
  }

  /** Deploys to {@code environment} need a success in {@code first} before. */
  public FakeStagingFirst require(String environment, String first) {
    requiredIn.put(environment, first);
    return this;
  }

  @Override
  public StagingVerdict checkStaged(String service, String environment, String version) {
    String first = requiredIn.get(environment);
    if (first == null) {
      return StagingVerdict.notRequired();
    }
    for (RecordingRegistry.Finished f : registry.finished()) {
      RunHeader run = registry.started().stream().filter(h -> h.workflowId().equals(f.workflowId())
          && h.runId().equals(f.runId())).findFirst().orElse(null);
      if (run != null && f.outcome() == Outcome.SUCCEEDED && "code-deploy".equals(run.procedure())
          && first.equals(run.environment()) && service.equals(run.service()) && version.equals(run.version())) {
        return new StagingVerdict(first, true, f.workflowId() + " succeeded");
      }
    }
    return new StagingVerdict(first, false, "no successful code deploy of " + version + " in " + first);
  }
}
