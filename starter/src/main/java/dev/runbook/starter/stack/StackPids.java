package dev.runbook.starter.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processes of a local stack by role: "cli" (this JVM, which hosts Temporal), "postgres" (the
 * postmaster), "sandbox", "worker", "prometheus" (when the stack runs one). Written to the stack file (so a later start can stop a stale
 * stack) and read by the loopback test; parts not running are left out.
 */
final class StackPids {
  private StackPids() {}

  static Map<String, Long> of(LocalPostgres postgres, ChildProcess sandbox, WorkerProcess worker, ChildProcess prometheus) {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("cli", ProcessHandle.current().pid());
    if (postgres != null) {
      postgres.pid().ifPresent(pid -> pids.put("postgres", pid));
    }
    if (sandbox != null) {
      pids.put("sandbox", sandbox.pid());
    }
    if (worker != null && worker.pid() != null) {
      pids.put("worker", worker.pid());
    }
    if (prometheus != null) {
      pids.put("prometheus", prometheus.pid());
    }
    return pids;
  }
}
