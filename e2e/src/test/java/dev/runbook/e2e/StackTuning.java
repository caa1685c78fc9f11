package dev.runbook.e2e;

import dev.runbook.starter.stack.LocalStackOptions;
import java.util.ArrayList;
import java.util.List;

/** Stack options for the benches: the local policy with windows of seconds, so a round takes seconds. */
final class StackTuning {
  private static final String ENV = "--runbook.environments.local.";

  private StackTuning() {}

  /**
   * First code-deploy gate after a 2 s watch, a 2 s emergency watch, 1 s before retiring; lesson
   * windows likewise. Spring binds a list from one source only, so every step is given in full.
   */
  static LocalStackOptions quick(LocalStackOptions options) {
    List<String> args = new ArrayList<>(List.of(ENV + "emergency-deploy.watch=2s",
        ENV + "emergency-deploy.retire-after=1s", ENV + "code-deploy.retire-after=1s",
        ENV + "lessons.update-watch=1s", ENV + "lessons.flag-removal-after=1s"));
    steps(args, "code-deploy.steps");
    steps(args, "lessons.steps");
    return options.withExtraWorkerArgs(args);
  }

  private static void steps(List<String> args, String prefix) {
    int[] weights = {10, 50, 100};
    for (int i = 0; i < weights.length; i++) {
      String step = ENV + prefix + "[" + i + "].";
      args.add(step + "weight=" + weights[i]);
      args.add(step + "watch=2s");
      args.add(step + "gate=" + (i < 2));
    }
  }
}
