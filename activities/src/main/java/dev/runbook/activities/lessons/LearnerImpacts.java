package dev.runbook.activities.lessons;

import dev.runbook.lessons.compatibility.ImpactForecast;
import dev.runbook.workflows.lessonupdate.LearnerImpact;
import java.util.Map;
import java.util.TreeMap;

/** The lessons module's forecast in the workflow's terms: enum names as keys, so history stays plain JSON. */
final class LearnerImpacts {
  private LearnerImpacts() {}

  static LearnerImpact of(ImpactForecast forecast) {
    Map<String, Integer> inProgress = new TreeMap<>();
    forecast.inProgress().forEach((rule, n) -> inProgress.put(rule.name(), n));
    Map<String, Integer> completed = new TreeMap<>();
    forecast.completed().forEach((notice, n) -> completed.put(notice.name(), n));
    return new LearnerImpact(forecast.lessonId(), forecast.newVersion().toString(), inProgress, completed,
        forecast.notStarted(), forecast.notified());
  }
}
