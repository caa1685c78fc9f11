package dev.runbook.activities.lock;

import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.LockRequest;
import dev.runbook.workflows.contract.TargetLockActivities;
import dev.runbook.workflows.contract.TargetPaths;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target lock on the runbook's Postgres schema. On a conflict it asks Temporal whether each
 * holder's run is still open, outside the serialised transaction (a slow server must not stall
 * every other acquirer); holders whose run has closed are released and the request is tried again.
 * A closed run never comes back, so releasing it outside the transaction is safe.
 */
public class TargetLockActivitiesImpl implements TargetLockActivities {
  private static final Logger log = LoggerFactory.getLogger(TargetLockActivitiesImpl.class);
  private static final String INVALID = "InvalidLockRequest";

  private final TargetLockStore store;
  private final HolderLiveness liveness;
  private final Clock clock;

  public TargetLockActivitiesImpl(DataSource dataSource, HolderLiveness liveness) {
    this(dataSource, liveness, Clock.systemUTC());
  }

  public TargetLockActivitiesImpl(DataSource dataSource, HolderLiveness liveness, Clock clock) {
    this.store = new TargetLockStore(dataSource);
    this.liveness = liveness;
    this.clock = clock;
  }

  @Override
  public LockGrant acquire(LockRequest request) {
    validate(request);
    while (true) {
      List<LockGrant> conflicts = store.tryAcquire(request, clock.millis());
      if (conflicts.isEmpty()) {
        log.info("{} run {} ({}) holds {}", request.holderWorkflowId(), request.holderRunId(), request.procedure(),
            request.targets());
        return LockGrant.grant();
      }
      // Each round releases at least one holder or answers: the loop ends.
      if (!releaseDeadHolders(conflicts)) {
        return conflicts.get(0);
      }
    }
  }

  @Override
  public void setPreemptible(String holderWorkflowId, String holderRunId, boolean preemptible) {
    requireHolder(holderWorkflowId, holderRunId);
    store.setPreemptible(holderWorkflowId, holderRunId, preemptible);
  }

  @Override
  public void release(String holderWorkflowId, String holderRunId) {
    requireHolder(holderWorkflowId, holderRunId);
    List<String> released = store.release(holderWorkflowId, holderRunId);
    if (!released.isEmpty()) {
      log.info("{} run {} released {}", holderWorkflowId, holderRunId, released);
    }
  }

  private boolean releaseDeadHolders(List<LockGrant> conflicts) {
    Map<String, LockHolder> holders = new LinkedHashMap<>();
    conflicts.forEach(g -> holders.putIfAbsent(g.holder().workflowId() + '\u0000' + g.holder().runId(), g.holder()));
    boolean released = false;
    for (LockHolder h : holders.values()) {
      if (!liveness.isOpen(h.workflowId(), h.runId())) {
        List<String> targets = store.release(h.workflowId(), h.runId());
        log.warn("released {} held by {} run {} ({}, requested by {}): the run has closed without releasing them",
            targets, h.workflowId(), h.runId(), h.procedure(), h.requestedBy());
        released = true;
      }
    }
    return released;
  }

  private static void validate(LockRequest r) {
    if (r == null) {
      throw ApplicationFailure.newNonRetryableFailure("lock request is required", INVALID);
    }
    requireHolder(r.holderWorkflowId(), r.holderRunId());
    if (r.targets() == null || r.targets().isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("lock request of " + r.holderWorkflowId() + " names no target", INVALID);
    }
    List<String> bad = new ArrayList<>();
    r.targets().stream().filter(t -> !TargetPaths.isValid(t)).forEach(t -> bad.add(String.valueOf(t)));
    if (!bad.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure("not target paths (see TargetPaths): " + bad, INVALID);
    }
    if ((r.parentWorkflowId() == null) != (r.parentRunId() == null)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a parent needs both workflow id and run id; got " + r.parentWorkflowId() + ", " + r.parentRunId(), INVALID);
    }
  }

  private static void requireHolder(String workflowId, String runId) {
    if (workflowId == null || workflowId.isBlank() || runId == null || runId.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "the holder's workflow id and run id are required; got " + workflowId + ", " + runId, INVALID);
    }
  }
}
