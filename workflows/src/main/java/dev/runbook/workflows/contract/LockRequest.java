package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A run asks to change {@code targets} ({@link TargetPaths}). The holder is the exact run (workflow
 * id and run id), whatever its id scheme. A child run names its parent: what the parent (or the
 * parent's parent ...) holds is granted to the child, so a composed release never blocks itself.
 * {@code preemptible}: whether a pre-empting run (emergency deploy, rollback) may abort this
 * holder from the start (null: no); the holder changes it per phase with
 * {@link TargetLockActivities#setPreemptible}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockRequest(
    List<String> targets,
    String holderWorkflowId,
    String holderRunId,
    String procedure,
    String requestedBy,
    String parentWorkflowId,
    String parentRunId,
    Boolean preemptible) {}
