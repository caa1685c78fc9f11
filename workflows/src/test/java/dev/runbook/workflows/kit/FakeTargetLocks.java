package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockRequest;
import dev.runbook.workflows.contract.TargetLockActivities;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers acquires from a script (then grants), and records every call in order. */
final class FakeTargetLocks implements TargetLockActivities {
  private final ConcurrentLinkedQueue<LockGrant> script = new ConcurrentLinkedQueue<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  final List<LockRequest> requests = new CopyOnWriteArrayList<>();

  FakeTargetLocks answer(LockGrant... grants) {
    script.addAll(List.of(grants));
    return this;
  }

  @Override
  public LockGrant acquire(LockRequest request) {
    requests.add(request);
    LockGrant next = script.poll();
    LockGrant grant = next == null ? LockGrant.grant() : next;
    calls.add("acquire " + (grant.granted() ? "granted" : "refused"));
    return grant;
  }

  @Override
  public void setPreemptible(String holderWorkflowId, String holderRunId, boolean preemptible) {
    calls.add("preemptible " + preemptible);
  }

  @Override
  public void release(String holderWorkflowId, String holderRunId) {
    calls.add("release " + holderWorkflowId);
  }

  List<String> calls() {
    return List.copyOf(calls);
  }
}
