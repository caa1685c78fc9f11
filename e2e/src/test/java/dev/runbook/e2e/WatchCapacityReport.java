package dev.runbook.e2e;

import java.time.Instant;
import java.util.List;

/** The capacity bench's figures and their markdown table. */
final class WatchCapacityReport {
  private WatchCapacityReport() {}

  record Foreground(List<Long> abortToStable, List<Long> breachToRollback, List<Long> verdictToRollback,
      List<String> failures) {}

  record WorkerFigures(int threads, long rssMib, int watchSlotsInUse) {
    static WorkerFigures of(WorkerGauges worker) throws Exception {
      return new WorkerFigures(worker.threads(), worker.rssMib(), worker.watchSlotsInUse());
    }
  }

  /**
   * @param inWatch background runs in watch during the foreground runs
   * @param toWatch per background run started in this phase: start → watch started (ms)
   * @param added runs added in this phase (second worker), null for the first phase
   */
  record Phase(int inWatch, int workers, List<Long> toWatch, long allWatchingMillis, Foreground foreground,
      List<WorkerFigures> perWorker, Integer added, List<String> closedBeforeWatch, String error) {
    Phase(int inWatch, int workers, List<Long> toWatch, long allWatchingMillis, Foreground foreground,
        List<WorkerFigures> perWorker, Integer added, List<String> closedBeforeWatch) {
      this(inWatch, workers, toWatch, allWatchingMillis, foreground, perWorker, added, closedBeforeWatch, null);
    }

    static Phase failed(int n, String error) {
      return new Phase(n, 1, List.of(), 0, null, List.of(), null, List.of(), error);
    }
  }

  static String markdown(List<Phase> phases) {
    StringBuilder md = new StringBuilder();
    md.append("Watch capacity on the embedded stack, ").append(Instant.now()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append("\n\n");
    md.append("| runs in watch | workers | start → watching p50 / p95 / max (s) | all watching after (s)")
        .append(" | abort → 100% stable median / max (ms) | breach → rollback start median / max (ms)")
        .append(" | verdict → first compensation median / max (ms) | live threads per worker | RSS per worker (MiB)")
        .append(" | watch slots in use per worker |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Phase p : phases) {
      if (p.error() != null) {
        md.append("| ").append(p.inWatch()).append(" | failed: ").append(p.error().replace('|', '/'))
            .append(" |||||||||\n");
        continue;
      }
      md.append("| ").append(p.inWatch()).append(p.added() == null ? "" : " (+" + p.added() + " started)")
          .append(" | ").append(p.workers())
          .append(" | ").append(seconds(pct(p.toWatch(), 50))).append(" / ").append(seconds(pct(p.toWatch(), 95)))
          .append(" / ").append(seconds(pct(p.toWatch(), 100)))
          .append(" | ").append(seconds(p.allWatchingMillis()))
          .append(" | ").append(medMax(p.foreground().abortToStable()))
          .append(" | ").append(medMax(p.foreground().breachToRollback()))
          .append(" | ").append(medMax(p.foreground().verdictToRollback()))
          .append(" | ").append(join(p.perWorker().stream().map(w -> String.valueOf(w.threads())).toList()))
          .append(" | ").append(join(p.perWorker().stream().map(w -> String.valueOf(w.rssMib())).toList()))
          .append(" | ").append(join(p.perWorker().stream().map(w -> String.valueOf(w.watchSlotsInUse())).toList()))
          .append(" |\n");
    }
    for (Phase p : phases) {
      if (!p.closedBeforeWatch().isEmpty()) {
        md.append("\nClosed before watching at ").append(p.inWatch()).append(" runs: ").append(p.closedBeforeWatch());
      }
      if (p.foreground() != null && !p.foreground().failures().isEmpty()) {
        md.append("\nForeground failures at ").append(p.inWatch()).append(" runs: ").append(p.foreground().failures());
      }
    }
    return md.append('\n').toString();
  }

  private static String join(List<String> values) {
    return String.join(" + ", values);
  }

  private static String medMax(List<Long> values) {
    return values.isEmpty() ? "–" : pct(values, 50) + " / " + pct(values, 100);
  }

  private static long pct(List<Long> values, int percent) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static String seconds(long millis) {
    return String.format("%.1f", millis / 1000.0);
  }
}
