package dev.runbook.starter.demo;

import dev.runbook.lessons.compatibility.LearnerNotice;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The notices a lesson update sent, read back from the run's status: the workflow logs what the
 * lesson store's {@code notifyLearners} returned ("notices {UPDATED_BADGE=12}", or "no learner to
 * notify") in the step log and in the notify step's detail. Only "notices {...}" counts: the
 * learner-impact forecast of a major uses the same names for learners it has not notified yet. Pure.
 */
final class NoticeCounts {
  private static final Pattern SENT = Pattern.compile("notices \\{([^}]*)}");
  private static final Pattern COUNT = Pattern.compile(
      "\\b(" + Arrays.stream(LearnerNotice.values()).map(Enum::name).collect(Collectors.joining("|")) + ")=(\\d+)");

  private NoticeCounts() {}

  /** Notices by kind, as the run's status reports them; empty when it sent none. */
  static Map<LearnerNotice, Integer> of(RunbookStatus status) {
    Map<LearnerNotice, Integer> counts = new EnumMap<>(LearnerNotice.class);
    for (String text : texts(status)) {
      Matcher sent = SENT.matcher(text);
      while (sent.find()) {
        Matcher m = COUNT.matcher(sent.group(1));
        while (m.find()) {
          counts.put(LearnerNotice.valueOf(m.group(1)), Integer.parseInt(m.group(2)));
        }
      }
    }
    counts.remove(LearnerNotice.NONE);
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  /** "no notification", or "12 learners got the "Updated" badge", then any other notice. */
  static String describe(Map<LearnerNotice, Integer> counts) {
    if (counts.isEmpty()) {
      return "no notification";
    }
    List<String> parts = new ArrayList<>();
    Integer badges = counts.get(LearnerNotice.UPDATED_BADGE);
    if (badges != null) {
      parts.add(learners(badges) + " got the \"Updated\" badge");
    }
    counts.forEach((notice, n) -> {
      if (notice != LearnerNotice.UPDATED_BADGE) {
        parts.add(learners(n) + " got a " + notice.name().toLowerCase().replace('_', ' '));
      }
    });
    return String.join(", ", parts);
  }

  private static String learners(int n) {
    return n + (n == 1 ? " learner" : " learners");
  }

  /** Step details first, then the log, so the latest log entry has the last word. */
  private static List<String> texts(RunbookStatus status) {
    List<String> texts = new ArrayList<>();
    if (status == null) {
      return texts;
    }
    if (status.steps() != null) {
      status.steps().stream().map(StepView::detail).filter(d -> d != null).forEach(texts::add);
    }
    if (status.log() != null) {
      status.log().stream().map(LogEntry::message).filter(m -> m != null).forEach(texts::add);
    }
    return texts;
  }
}
