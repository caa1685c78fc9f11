package dev.runbook.starter.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What an earlier `runbook dev` left in its stack file. Still alive: refuse to start a second one.
 * Killed with -9: its sandbox, worker and Prometheus may still hold the ports; stop those (only
 * processes whose command line names our jars, or Prometheus's loopback listen address).
 */
final class StaleStack {
  private StaleStack() {}

  static void clear(Path stackFile, Consumer<String> progress) {
    StackFile.Contents stale = StackFile.readFile(stackFile).orElse(null);
    if (stale == null) {
      return;
    }
    Map<String, Long> pids = stale.pids() == null ? Map.of() : stale.pids();
    Long cli = pids.get("cli");
    if (cli != null && cli != ProcessHandle.current().pid() && ProcessHandle.of(cli).map(ProcessHandle::isAlive).orElse(false)) {
      throw new LocalStackException(
          "another `runbook dev` is running (pid " + cli + ", temporal " + stale.temporalAddress()
              + "); stop it with Ctrl-C first, or use it");
    }
    for (String part : List.of("worker", "sandbox", "prometheus")) {
      Long pid = pids.get(part);
      if (pid == null) {
        continue;
      }
      // what its command line must contain to be that part, not a process that got the pid since
      String jar = switch (part) {
        case "worker" -> Path.of(RunbookHome.WORKER_JAR).getFileName().toString();
        case "sandbox" -> Path.of(RunbookHome.SANDBOX_JAR).getFileName().toString();
        default -> "--web.listen-address=127.0.0.1:";
      };
      ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
          .ifPresent(p -> {
            progress.accept("stopping the " + part + " left running by an earlier `runbook dev` (pid " + pid + ")");
            p.destroy();
            try {
              p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
              p.destroyForcibly();
            }
          });
    }
    StackFile.delete(stackFile);
  }
}
