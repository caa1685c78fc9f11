package dev.runbook.sandbox.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.Gamification;
import dev.runbook.lessons.progress.LessonCompletion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.ProgressDocuments;
import dev.runbook.lessons.progress.UserProgress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPatchTest {

  private static final Instant T = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void replacesOnlyTheSessionsLessonAndKeepsFieldsItDoesNotKnow() {
    Map<String, Object> stored = doc();
    UserProgress learner = ProgressDocuments.read(doc());
    UserProgress after = learner.withLesson("a", learner.lessons().get("a").restartedAt("2.0.0"));

    Map<String, Object> written = ProgressPatch.apply(stored, after, "a");

    assertThat(written.get("preferences")).isEqualTo(Map.of("notifications", true));
    Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) written.get("lessons")).get("a");
    assertThat(a.get("version")).isEqualTo("2.0.0");
    assertThat(a.get("sections_completed")).isEqualTo(List.of());
    assertThat(a.containsKey("current_section")).as("a cleared position stays cleared").isFalse();
    assertThat(a.get("bookmark")).isEqualTo("kept");
    assertThat(((Map<?, ?>) written.get("lessons")).get("b")).isEqualTo(((Map<?, ?>) doc().get("lessons")).get("b"));
    assertThat(ProgressDocuments.read(written)).isEqualTo(after);
  }

  @Test
  void aCompletionMovesTheLessonOutOfProgressAndAddsItsXp() {
    UserProgress learner = ProgressDocuments.read(doc());
    Map<String, LessonProgress> lessons = new LinkedHashMap<>(learner.lessons());
    lessons.remove("a");
    UserProgress after = new UserProgress(learner.userId(), "1.0", lessons,
        Map.of("c", learner.completions().get("c"), "a", new LessonCompletion(T, "1.0.0", 20, 2, 3)),
        new Gamification(70, 1, List.of("first"), 3));

    Map<String, Object> written = ProgressPatch.apply(doc(), after, "a");

    assertThat(((Map<?, ?>) written.get("lessons")).keySet()).isEqualTo(java.util.Set.of("b"));
    assertThat(((Map<?, ?>) written.get("lesson_completions")).keySet()).isEqualTo(java.util.Set.of("c", "a"));
    assertThat(((Map<?, ?>) written.get("gamification")).get("total_xp")).isEqualTo(70L);
    assertThat(((Map<?, ?>) written.get("gamification")).get("title")).isEqualTo("novice");
  }

  private static Map<String, Object> doc() {
    Map<String, Object> a = new LinkedHashMap<>(Map.of("version", "1.0.0", "status", "in_progress",
        "sections_completed", List.of("introduction"), "current_section", "explanation", "bookmark", "kept"));
    Map<String, Object> b = new LinkedHashMap<>(Map.of("version", "1.0.0", "status", "in_progress",
        "sections_completed", List.of()));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("user_id", "learner-000001");
    doc.put("schema_version", "1.0");
    doc.put("lessons", new LinkedHashMap<>(Map.of("a", a, "b", b)));
    doc.put("lesson_completions", new LinkedHashMap<>(Map.of("c",
        new LinkedHashMap<>(Map.of("version", "1.0.0", "xp_earned", 50, "quiz_score", 3, "quiz_total", 3)))));
    doc.put("gamification", new LinkedHashMap<>(Map.of("total_xp", 50, "level", 1, "badges", List.of("first"),
        "streak_days", 3, "title", "novice")));
    doc.put("preferences", Map.of("notifications", true));
    return doc;
  }
}
