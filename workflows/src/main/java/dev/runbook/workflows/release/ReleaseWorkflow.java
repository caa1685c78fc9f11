package dev.runbook.workflows.release;

import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Release (seed 004): one version of a service through dev, staging and production (up to the
 * request's {@code through}), five phases per environment — preparation, pre-deployment,
 * deployment, verification, post-deployment — with the deploys as child runs of the strategy each
 * environment's release policy names. A failure rolls back the environment it happened in (its
 * children compensated in reverse); earlier environments keep the new version unless their policy
 * says otherwise. Promotes and aborts sent to the release reach the child that waits.
 */
@WorkflowInterface
public interface ReleaseWorkflow extends RunbookControl {

  @WorkflowMethod(name = "Release")
  RunbookResult release(ReleaseRequest request);
}
