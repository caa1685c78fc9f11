package dev.runbook.starter.render;

import dev.runbook.starter.run.QueuedActivity;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.api.Durations;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Draws a {@link RunbookStatus} the way `kubectl argo rollouts get rollout` draws a rollout: a
 * key/value header, the step tree with fixed icons, the last observation of each watch rule and
 * the tail of the step log. Pure: the same status, colors and zone give the same text.
 */
public final class StatusRenderer {
  /** Log lines shown under the tree. */
  public static final int LOG_LINES = 8;

  private static final int LABEL_WIDTH = 14;

  private final Ansi ansi;
  private final DateTimeFormatter clock;
  private final ObservationTable observations;

  public StatusRenderer(Ansi ansi, ZoneId zone) {
    this.ansi = ansi;
    this.observations = new ObservationTable(ansi);
    this.clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
  }

  public String render(RunbookStatus s) {
    return render(s, List.of());
  }

  /** With the steps that wait for a worker slot (read from Temporal, not from the status query). */
  public String render(RunbookStatus s, List<QueuedActivity> queued) {
    StringBuilder out = new StringBuilder();
    header(s, out);
    for (QueuedActivity q : queued) {
      field(out, q.waitsForWorker() ? "Queued" : "Retrying", ansi.yellow(q.describe()));
    }
    approvals(s.approvals(), out);
    steps(s.steps(), out);
    out.append(observations.render(s.observations()));
    log(s.log(), out);
    return out.toString();
  }

  /** Icon of the run as a whole: the outcome's once done, else what the phase is doing. */
  public static String phaseIcon(Phase phase, Outcome outcome) {
    if (outcome != null) {
      return switch (outcome) {
        case SUCCEEDED -> StepState.SUCCEEDED.icon();
        case FAILED, REFUSED, LOST -> StepState.FAILED.icon();
        case ROLLED_BACK, ABORTED -> StepState.ROLLED_BACK.icon();
      };
    }
    if (phase == Phase.AWAITING_APPROVAL) {
      return StepState.WAITING.icon();
    }
    if (phase == Phase.ROLLING_BACK) {
      return StepState.ROLLED_BACK.icon();
    }
    return StepState.RUNNING.icon();
  }

  private void header(RunbookStatus s, StringBuilder out) {
    field(out, "Name", ansi.bold(s.workflowId()));
    field(out, "Procedure", procedureName(s.procedure()));
    // the status's "service" is the business key's middle part: a lesson update's is the lesson id
    field(out, procedure(s.procedure()).map(Procedure::keyLabel).orElse("Service"), s.service());
    field(out, "Environment", s.environment());
    field(out, "Version", s.version());
    if (s.requestedBy() != null) {
      String request = s.requestId() == null ? "" : " (request " + s.requestId() + ")";
      field(out, "Requested by", s.requestedBy() + request);
    }
    field(out, "Reason", s.reason());
    if (s.phase() != null) {
      String icon = phaseIcon(s.phase(), s.outcome());
      field(out, "Phase", paint(icon + " " + s.phase().name(), s.phase(), s.outcome()));
    }
    if (s.liveColour() != null || s.liveVersion() != null) {
      // joined, never trimmed: trim() also strips the ESC (U+001B) that starts the colour code
      List<String> live = new ArrayList<>();
      if (s.liveColour() != null) {
        live.add(ansi.colour(s.liveColour(), s.liveColour()));
      }
      if (s.liveVersion() != null) {
        live.add(s.liveVersion());
      }
      field(out, "Live", String.join(" ", live));
    }
    if (s.weights() != null && !s.weights().isEmpty()) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(s.weights())
          .forEach((colour, pct) -> parts.add(ansi.colour(colour, colour) + " " + pct + "%"));
      field(out, "Weights", String.join(" / ", parts));
    }
    boolean done = s.phase() == Phase.DONE || s.outcome() != null;
    if (s.waitingFor() != null && !done) {
      field(out, "Waiting for", ansi.yellow(s.waitingFor()));
      if (s.allowedApprovers() != null && !s.allowedApprovers().isEmpty()) {
        field(out, "  May act", String.join(", ", s.allowedApprovers()));
      }
      if (s.phase() == Phase.AWAITING_APPROVAL && s.workflowId() != null) {
        field(out, "  Promote", "runbook promote " + s.workflowId() + " --as NAME [--full]");
        field(out, "  Abort", "runbook abort " + s.workflowId() + " --as NAME --reason TEXT");
      }
    }
    if (s.outcome() != null) {
      String reason = s.outcomeReason() == null ? "" : ": " + s.outcomeReason();
      field(out, "Outcome", paint(s.outcome().name(), s.phase(), s.outcome()) + reason);
    }
  }

  private void approvals(List<ApprovalRecord> approvals, StringBuilder out) {
    if (approvals == null || approvals.isEmpty()) {
      return;
    }
    out.append('\n').append(ansi.bold("Approvals")).append('\n');
    for (ApprovalRecord a : approvals) {
      String icon = a.accepted() ? ansi.green(StepState.SUCCEEDED.icon()) : ansi.red(StepState.FAILED.icon());
      StringBuilder line = new StringBuilder("  ").append(time(a.atMillis())).append("  ").append(icon);
      line.append(' ').append(a.action());
      if (a.step() != null) {
        line.append(" step ").append(a.step());
      }
      line.append(" by ").append(a.approver());
      if (!a.accepted()) {
        line.append(" rejected");
      }
      if (a.reason() != null && !a.reason().isBlank()) {
        line.append(": ").append(a.reason());
      }
      out.append(line).append('\n');
    }
  }

  private void steps(List<StepView> steps, StringBuilder out) {
    if (steps == null || steps.isEmpty()) {
      return;
    }
    out.append('\n').append(ansi.bold("Steps")).append('\n');
    int labelWidth = StepNumbers.label(steps.size() - 1).length();
    int nameWidth = steps.stream().mapToInt(st -> len(st.name())).max().orElse(0);
    List<String> durations = steps.stream().map(StatusRenderer::duration).toList();
    int durationWidth = durations.stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < steps.size(); i++) {
      StepView step = steps.get(i);
      StepState state = step.state() == null ? StepState.PENDING : step.state();
      StringBuilder line = new StringBuilder("  ").append(icon(state)).append(' ');
      line.append(padLeft(StepNumbers.label(i), labelWidth)).append(' ');
      line.append(pad(step.name() == null ? "" : step.name(), nameWidth));
      if (durationWidth > 0) {
        line.append("  ").append(padLeft(durations.get(i), durationWidth));
      }
      String detail = detail(steps, i);
      if (detail != null && !detail.isBlank()) {
        line.append("  ").append(state == StepState.PENDING ? ansi.dim(detail) : detail);
      }
      out.append(stripRight(line.toString())).append('\n');
    }
  }

  /**
   * What step {@code i} shows after its name. A rollback skips every pending step with the same
   * detail (its reason): the first skipped step shows it, the others only "skipped".
   */
  static String detail(List<StepView> steps, int i) {
    StepView step = steps.get(i);
    if (step.state() != StepState.SKIPPED || step.detail() == null) {
      return step.detail();
    }
    for (int j = 0; j < i; j++) {
      StepView earlier = steps.get(j);
      if (earlier.state() == StepState.SKIPPED && step.detail().equals(earlier.detail())) {
        return SKIPPED;
      }
    }
    return step.detail();
  }

  private static final String SKIPPED = "skipped";

  private void log(List<LogEntry> log, StringBuilder out) {
    if (log == null || log.isEmpty()) {
      return;
    }
    out.append('\n').append(ansi.bold("Log")).append('\n');
    for (LogEntry e : log.subList(Math.max(0, log.size() - LOG_LINES), log.size())) {
      out.append("  ").append(ansi.dim(time(e.atMillis()))).append("  ").append(e.message()).append('\n');
    }
  }

  /** Clock time of a workflow timestamp, "HH:mm:ss" in the renderer's zone. */
  public String time(long epochMillis) {
    return clock.format(Instant.ofEpochMilli(epochMillis));
  }

  /** A step's icon in its state's color. */
  public String icon(StepState state) {
    String icon = state.icon();
    return switch (state) {
      case SUCCEEDED -> ansi.green(icon);
      case FAILED -> ansi.red(icon);
      case WAITING, ROLLED_BACK -> ansi.yellow(icon);
      case RUNNING -> ansi.cyan(icon);
      case PENDING, SKIPPED -> ansi.dim(icon);
    };
  }

  private String paint(String text, Phase phase, Outcome outcome) {
    if (outcome != null) {
      return switch (outcome) {
        case SUCCEEDED -> ansi.green(text);
        case FAILED, REFUSED, LOST -> ansi.red(text);
        case ROLLED_BACK, ABORTED -> ansi.yellow(text);
      };
    }
    return phase == Phase.AWAITING_APPROVAL || phase == Phase.ROLLING_BACK ? ansi.yellow(text) : ansi.cyan(text);
  }

  private static String procedureName(String procedure) {
    if (procedure == null) {
      return null;
    }
    return procedure(procedure).map(Procedure::cliName).orElse(procedure);
  }

  /** The status names its procedure by CLI name (the workflows' kit) or by workflow type (older runs, stand-ins). */
  private static Optional<Procedure> procedure(String name) {
    return name == null ? Optional.empty()
        : Procedure.fromWorkflowType(name).or(() -> Procedure.fromCliName(name));
  }

  private static String duration(StepView step) {
    if (step.startedAtMillis() == null || step.endedAtMillis() == null) {
      return "";
    }
    return Durations.human((step.endedAtMillis() - step.startedAtMillis()) / 1000);
  }

  private static void field(StringBuilder out, String label, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    out.append(pad(label + ":", LABEL_WIDTH)).append(value).append('\n');
  }

  private static int len(String s) {
    return s == null ? 0 : s.length();
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  private static String stripRight(String s) {
    return s.stripTrailing();
  }
}
