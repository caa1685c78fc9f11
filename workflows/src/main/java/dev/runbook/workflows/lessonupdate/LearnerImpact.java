package dev.runbook.workflows.lessonupdate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 000's "test migration" before a major update: how many learners each row of the
 * compatibility matrix touches.
 *
 * @param inProgressByRule learners in progress, by {@code CompatibilityRule} name (MAJOR_UPDATE, ...)
 * @param completedByNotice learners who completed the lesson, by {@code LearnerNotice} name
 * @param notified learners who will receive a notice
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearnerImpact(
    String lessonId,
    String newVersion,
    Map<String, Integer> inProgressByRule,
    Map<String, Integer> completedByNotice,
    int notStarted,
    int notified) {

  public LearnerImpact {
    inProgressByRule = inProgressByRule == null ? Map.of() : new TreeMap<>(inProgressByRule);
    completedByNotice = completedByNotice == null ? Map.of() : new TreeMap<>(completedByNotice);
  }

  public int inProgress() {
    return inProgressByRule.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int completed() {
    return completedByNotice.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** "12 in progress (MAJOR_UPDATE 12), 30 completed (CHANGELOG_MESSAGE 30), 158 not started; 42 notified". */
  public String summary() {
    return inProgress() + " in progress " + inProgressByRule + ", " + completed() + " completed "
        + completedByNotice + ", " + notStarted + " not started; " + notified + " to notify";
  }
}
