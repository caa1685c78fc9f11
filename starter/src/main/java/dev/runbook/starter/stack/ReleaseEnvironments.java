package dev.runbook.starter.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The worker's side of the sandbox's {@code --environments}: each environment's platform and
 * metrics go to its own sandbox ({@code runbook.sandbox-environments}), and a release's
 * verification checks its router ({@code runbook.release.environments.<env>.public-url}). A
 * release environment without a sandbox of its own is checked through the main router.
 */
final class ReleaseEnvironments {
  /** The environments a release goes through; `runbook dev` gives each a sandbox. */
  static final List<String> NAMES = List.of("dev", "staging", "production");
  /** What `runbook dev` and `runbook demo` pass the sandbox. */
  static final List<String> SANDBOX_ARGS = List.of("--environments", String.join(",", NAMES));

  private ReleaseEnvironments() {}

  /**
   * {@code extra} plus the worker's arguments for the ready line's {@code environments=} part
   * ({@code dev@ADMIN@ROUTER,...}, or null when the sandbox runs none).
   */
  static List<String> workerArgs(List<String> extra, String mainRouter, String environments) {
    List<String> args = new ArrayList<>();
    List<String> own = new ArrayList<>();
    if (environments != null) {
      for (String part : environments.split(",")) {
        String[] fields = part.split("@");
        args.add("--runbook.sandbox-environments." + fields[0] + "=" + fields[1]);
        args.add("--runbook.release.environments." + fields[0] + ".public-url=" + fields[2]);
        own.add(fields[0]);
      }
    }
    for (String env : NAMES) {
      if (!own.contains(env)) {
        args.add("--runbook.release.environments." + env + ".public-url=" + mainRouter);
      }
    }
    // the caller's own arguments last: they win
    args.addAll(extra);
    return args;
  }
}
