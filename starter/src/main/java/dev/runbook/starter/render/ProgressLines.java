package dev.runbook.starter.render;

import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two polls of a run, as lines a CI log can keep: a new phase, a step that
 * changed state, new step-log entries, the outcome. Pure.
 */
public final class ProgressLines {
  private final StatusRenderer renderer;
  private final Ansi ansi;

  public ProgressLines(StatusRenderer renderer, Ansi ansi) {
    this.renderer = renderer;
    this.ansi = ansi;
  }

  public List<String> diff(RunbookStatus before, RunbookStatus now) {
    List<String> lines = new ArrayList<>();
    if (now == null) {
      return lines;
    }
    if (before == null || before.phase() != now.phase()) {
      String waiting = now.waitingFor() == null || now.outcome() != null ? "" : ": " + now.waitingFor();
      String icon = StatusRenderer.phaseIcon(now.phase(), now.outcome());
      lines.add(ansi.bold("phase " + icon + " " + now.phase()) + waiting);
    }
    steps(before, now, lines);
    for (LogEntry e : newEntries(before == null ? null : before.log(), now.log())) {
      lines.add("  " + ansi.dim(renderer.time(e.atMillis())) + "  " + e.message());
    }
    if (now.outcome() != null && (before == null || before.outcome() != now.outcome())) {
      String reason = now.outcomeReason() == null ? "" : ": " + now.outcomeReason();
      lines.add(ansi.bold("outcome " + now.outcome()) + reason);
    }
    return lines;
  }

  private void steps(RunbookStatus before, RunbookStatus now, List<String> lines) {
    List<StepView> steps = now.steps() == null ? List.of() : now.steps();
    List<StepView> old = before == null || before.steps() == null ? List.of() : before.steps();
    for (int i = 0; i < steps.size(); i++) {
      StepView step = steps.get(i);
      StepState state = step.state() == null ? StepState.PENDING : step.state();
      StepState was = i < old.size() && Objects.equals(old.get(i).name(), step.name()) ? old.get(i).state() : null;
      if (state == StepState.PENDING || state == was) {
        continue;
      }
      String shown = StatusRenderer.detail(steps, i);
      String detail = shown == null || shown.isBlank() ? "" : ": " + shown;
      lines.add("  " + renderer.icon(state) + " " + StepNumbers.label(i) + " " + step.name() + detail);
    }
  }

  /** Entries of {@code now} after the last entry of {@code before} (the log may be a moving tail). */
  static List<LogEntry> newEntries(List<LogEntry> before, List<LogEntry> now) {
    if (now == null || now.isEmpty()) {
      return List.of();
    }
    if (before == null || before.isEmpty()) {
      return now;
    }
    LogEntry last = before.get(before.size() - 1);
    int at = now.lastIndexOf(last);
    if (at >= 0) {
      return now.subList(at + 1, now.size());
    }
    return now.stream().filter(e -> e.atMillis() > last.atMillis()).toList();
  }
}
