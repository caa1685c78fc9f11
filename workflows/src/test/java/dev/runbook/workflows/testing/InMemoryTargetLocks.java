package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.LockRequest;
import dev.runbook.workflows.contract.TargetLockActivities;
import dev.runbook.workflows.contract.TargetPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lock store's rules without Postgres, for time-skipping tests: a target is granted unless a
 * held path conflicts with it ({@link TargetPaths#conflict}) under another holder that is not the
 * requester's parent. The real store (serialised in one transaction, dead holders released through
 * Temporal) is tested against Postgres in the activities module.
 */
public final class InMemoryTargetLocks implements TargetLockActivities {
  private record Held(LockHolder holder, List<String> targets) {}

  private final Map<String, Held> byRun = new LinkedHashMap<>();

  @Override
  public synchronized LockGrant acquire(LockRequest r) {
    String key = r.holderWorkflowId() + "/" + r.holderRunId();
    if (byRun.containsKey(key)) {
      return LockGrant.grant();
    }
    for (String target : r.targets()) {
      for (Held held : byRun.values()) {
        boolean parent = Objects.equals(held.holder().workflowId(), r.parentWorkflowId())
            && Objects.equals(held.holder().runId(), r.parentRunId());
        for (String path : held.targets()) {
          if (!parent && TargetPaths.conflict(path, target)) {
            return LockGrant.refusal(target, held.holder());
          }
        }
      }
    }
    byRun.put(key, new Held(new LockHolder(r.holderWorkflowId(), r.holderRunId(), r.procedure(), r.requestedBy(),
        System.currentTimeMillis(), Boolean.TRUE.equals(r.preemptible()), r.targets().get(0)), List.copyOf(r.targets())));
    return LockGrant.grant();
  }

  @Override
  public synchronized void setPreemptible(String holderWorkflowId, String holderRunId, boolean preemptible) {
    String key = holderWorkflowId + "/" + holderRunId;
    Held held = byRun.get(key);
    if (held != null) {
      LockHolder h = held.holder();
      byRun.put(key, new Held(new LockHolder(h.workflowId(), h.runId(), h.procedure(), h.requestedBy(), h.sinceMillis(),
          preemptible, h.heldTarget()), held.targets()));
    }
  }

  @Override
  public synchronized void release(String holderWorkflowId, String holderRunId) {
    byRun.remove(holderWorkflowId + "/" + holderRunId);
  }

  /** The holders now, oldest first. */
  public synchronized List<LockHolder> holders() {
    return new ArrayList<>(byRun.values().stream().map(Held::holder).toList());
  }
}
