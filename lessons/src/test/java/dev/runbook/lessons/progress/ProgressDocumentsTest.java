package dev.runbook.lessons.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressDocumentsTest {

  @Test
  void readsTheSeedsDocumentAndWritesItBack() {
    Map<String, Object> doc = ProgressMigrations.standard().migrate(ProgressMigrationsTest.v09()).document();

    UserProgress p = ProgressDocuments.read(doc);

    assertThat(p.userId()).isEqualTo("telegram_123456");
    assertThat(p.lessons().get("stock_basics_001")).isEqualTo(new LessonProgress("1.0", "in_progress",
        List.of("introduction", "live_example"), "explanation", Instant.parse("2024-11-24T10:00:00Z"),
        Instant.parse("2024-11-24T10:15:00Z")));
    assertThat(p.completions().get("stock_basics_003"))
        .isEqualTo(new LessonCompletion(Instant.parse("2024-11-24T10:30:00Z"), "1.2", 50, 4, 5));
    assertThat(p.gamification()).isEqualTo(new Gamification(500, 4, List.of("first_steps", "week_warrior"), 7));
    assertThat(ProgressDocuments.read(ProgressDocuments.write(p))).isEqualTo(p);
    assertThat(ProgressFingerprint.of(ProgressDocuments.write(p))).isEqualTo(p.fingerprint());
  }

  @Test
  @SuppressWarnings("unchecked")
  void refusesOldSchemasAndNamesBadFields() {
    assertThatThrownBy(() -> ProgressDocuments.read(ProgressMigrationsTest.v09()))
        .hasMessage("progress of user telegram_123456: schema_version is required");
    Map<String, Object> doc = ProgressMigrations.standard().migrate(ProgressMigrationsTest.v09()).document();
    Map<String, Object> badVersion = ProgressMigrations.standard().migrate(ProgressMigrationsTest.v09()).document();
    ((Map<String, Object>) ((Map<String, Object>) badVersion.get("lessons")).get("stock_basics_001"))
        .put("version", "latest");
    assertThatThrownBy(() -> ProgressDocuments.read(badVersion)).hasMessage("progress of user telegram_123456:"
        + " lessons.stock_basics_001.version 'latest' is not a lesson version such as 1.2 or 1.2.0");
    doc.put("gamification", Map.of("total_xp", -3, "level", 1));
    assertThatThrownBy(() -> ProgressDocuments.read(doc)).isInstanceOf(ProgressMigrationException.class)
        .hasMessage("progress of user telegram_123456: gamification.total_xp must be a whole number of at least 0,"
            + " not -3");
  }
}
