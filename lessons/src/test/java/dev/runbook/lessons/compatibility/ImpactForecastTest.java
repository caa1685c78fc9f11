package dev.runbook.lessons.compatibility;

import static dev.runbook.lessons.compatibility.CompatibilityMatrixTest.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.progress.Gamification;
import dev.runbook.lessons.progress.LessonCompletion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.UserProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpactForecastTest {
  private static final Instant T = Instant.parse("2024-11-24T10:00:00Z");

  @Test
  void forecastsOfBatchesAddUpToTheForecastOfAll() {
    List<UserProgress> learners = List.of(
        inProgress("u1", "1.0.0"), inProgress("u2", "1.1.0"), inProgress("u3", "0.9.0"), inProgress("u4", "2.0.0"),
        completed("u5", "1.1.0"), completed("u6", "2.0.0"), nobody("u7"));
    Set<SemanticVersion> retired = Set.of(v("0.9.0"));

    ImpactForecast batched = ImpactForecast.of("lesson", v("2.0.0"), retired, learners.subList(0, 3))
        .plus(ImpactForecast.of("lesson", v("2.0.0"), retired, learners.subList(3, 7)));

    assertThat(batched).isEqualTo(ImpactForecast.of("lesson", v("2.0.0"), retired, learners));
  }

  @Test
  void countsLearnersPerMatrixRowBeforeAMajorUpdate() {
    List<UserProgress> learners = List.of(
        inProgress("u1", "1.0.0"), inProgress("u2", "1.1.0"), inProgress("u3", "0.9.0"), inProgress("u4", "2.0.0"),
        completed("u5", "1.1.0"), completed("u6", "2.0.0"), nobody("u7"));

    ImpactForecast f = ImpactForecast.of("lesson", v("2.0.0"), Set.of(v("0.9.0")), learners);

    assertThat(f.inProgress()).isEqualTo(Map.of(CompatibilityRule.MAJOR_UPDATE, 2,
        CompatibilityRule.MAJOR_UPDATE_STARTED_RETIRED, 1, CompatibilityRule.SAME_VERSION, 1));
    assertThat(f.completed()).isEqualTo(Map.of(LearnerNotice.CHANGELOG_MESSAGE, 1, LearnerNotice.NONE, 1));
    assertThat(f.notStarted()).isEqualTo(1);
    assertThat(f.notified()).isEqualTo(4);
  }

  private static UserProgress inProgress(String user, String version) {
    return new UserProgress(user, "1.0", Map.of("lesson", new LessonProgress(version, LessonProgress.IN_PROGRESS,
        List.of(), null, T, T)), Map.of(), new Gamification(0, 1, List.of(), 0));
  }

  private static UserProgress completed(String user, String version) {
    return new UserProgress(user, "1.0", Map.of(), Map.of("lesson", new LessonCompletion(T, version, 30, 3, 3)),
        new Gamification(30, 1, List.of(), 0));
  }

  private static UserProgress nobody(String user) {
    return new UserProgress(user, "1.0", Map.of(), Map.of(), new Gamification(0, 1, List.of(), 0));
  }
}
