package dev.runbook.lessons.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressMigrationsTest {
  private final ProgressMigrations migrations = ProgressMigrations.standard();

  /** A schema 0.9 document: the seed's 1.0 example without schema_version and lesson versions. */
  static Map<String, Object> v09() {
    Map<String, Object> lesson = new LinkedHashMap<>();
    lesson.put("status", "in_progress");
    lesson.put("sections_completed", new ArrayList<>(List.of("introduction", "live_example")));
    lesson.put("current_section", "explanation");
    lesson.put("started_at", "2024-11-24T10:00:00Z");
    lesson.put("last_accessed", "2024-11-24T10:15:00Z");
    Map<String, Object> started = new LinkedHashMap<>();
    started.put("version", "1.2");
    started.put("status", "in_progress");
    Map<String, Object> lessons = new LinkedHashMap<>();
    lessons.put("stock_basics_001", lesson);
    lessons.put("stock_basics_002", started);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("user_id", "telegram_123456");
    doc.put("lessons", lessons);
    doc.put("lesson_completions", Map.of(
        "stock_basics_003", Map.of("completed_at", "2024-11-24T10:30:00Z", "version", "1.2", "xp_earned", 50,
            "quiz_score", 4, "quiz_total", 5),
        "stock_basics_004", Map.of("completed_at", "2024-11-20T09:00:00Z", "xp_earned", 30, "quiz_score", 3,
            "quiz_total", 3)));
    doc.put("gamification", Map.of("total_xp", 500, "level", 4, "badges", List.of("first_steps", "week_warrior"),
        "streak_days", 7));
    return doc;
  }

  @Test
  void migrates09To10AddingVersion10ToLessonsInProgress() {
    Map<String, Object> doc = v09();

    MigrationResult result = migrations.migrate(doc);

    assertThat(result.fromVersion()).isEqualTo("0.9");
    assertThat(result.appliedSteps()).containsExactly(
        "0.9 → 1.0: record lesson version 1.0 on lessons in progress and completions that have none");
    assertThat(result.document()).containsEntry("schema_version", "1.0");
    assertThat(lesson(result.document(), "stock_basics_001")).containsEntry("version", "1.0");
    assertThat(lesson(result.document(), "stock_basics_002")).as("an existing version is kept")
        .containsEntry("version", "1.2");
    assertThat(entry(result.document(), "lesson_completions", "stock_basics_004")).containsEntry("version", "1.0");
    assertThat(entry(result.document(), "lesson_completions", "stock_basics_003")).containsEntry("version", "1.2");
    UserProgress progress = ProgressDocuments.read(result.document());
    assertThat(progress.lessons().get("stock_basics_001").sectionsCompleted())
        .containsExactly("introduction", "live_example");
  }

  @Test
  void theFingerprintIsTheSameBeforeAndAfter() {
    Map<String, Object> doc = v09();
    ProgressFingerprint before = ProgressFingerprint.of(doc);

    MigrationResult result = migrations.migrate(doc);

    assertThat(before).isEqualTo(new ProgressFingerprint("telegram_123456", 500,
        new java.util.TreeMap<>(Map.of("stock_basics_003", 50L, "stock_basics_004", 30L))));
    assertThat(ProgressFingerprint.of(result.document())).isEqualTo(before);
    assertThat(ProgressDocuments.read(result.document()).fingerprint()).isEqualTo(before);
    assertThat(result.fingerprint()).isEqualTo(before);
  }

  @Test
  void neverChangesTheInputDocument() {
    Map<String, Object> doc = v09();
    String before = doc.toString();
    migrations.migrate(doc);
    assertThat(doc.toString()).isEqualTo(before);
    assertThat(lesson(doc, "stock_basics_001")).doesNotContainKey("version");
  }

  @Test
  void aCurrentDocumentIsLeftAsItIs() {
    Map<String, Object> current = migrations.migrate(v09()).document();
    MigrationResult again = migrations.migrate(current);
    assertThat(again.migrated()).isFalse();
    assertThat(again.document()).isEqualTo(current);
  }

  @Test
  void aDocumentWithoutSchemaVersionIs09AsInTheSeed() {
    assertThat(migrations.migrate(v09()).fromVersion()).isEqualTo(ProgressMigrations.VERSION_WHEN_ABSENT);
  }

  @Test
  void unknownSchemaVersionsFailWithAClearMessage() {
    Map<String, Object> old = v09();
    old.put("schema_version", "0.8");
    assertThatThrownBy(() -> migrations.migrate(old)).isInstanceOf(UnknownSchemaVersionException.class)
        .hasMessage("user telegram_123456: progress schema_version '0.8' is unknown; known versions are 0.9, 1.0");

    Map<String, Object> newer = v09();
    newer.put("schema_version", "1.1");
    assertThatThrownBy(() -> migrations.migrate(newer)).isInstanceOf(UnknownSchemaVersionException.class)
        .hasMessage("user telegram_123456: progress schema_version '1.1' is unknown; known versions are 0.9, 1.0"
            + " (written by a newer release? this one reads schema 1.0 and older)");

    Map<String, Object> garbage = v09();
    garbage.put("schema_version", List.of("1.0"));
    assertThatThrownBy(() -> migrations.migrate(garbage)).isInstanceOf(ProgressMigrationException.class)
        .hasMessage("user telegram_123456: schema_version must be text such as \"1.0\", not [1.0]");
  }

  @Test
  void aLaterSchemaAddsAStep() {
    ProgressMigrationStep to11 = step("1.0", "1.1", d -> {
      d.put("preferences", Map.of("notifications", true));
      return d;
    });
    ProgressMigrations next = ProgressMigrations.of("1.1", List.of(new SchemaV09ToV10(), to11));

    MigrationResult result = next.migrate(v09());

    assertThat(result.appliedSteps()).hasSize(2);
    assertThat(result.document()).containsEntry("schema_version", "1.1").containsKey("preferences");
    assertThat(lesson(result.document(), "stock_basics_001")).containsEntry("version", "1.0");
    assertThat(next.knownVersions()).containsExactly("0.9", "1.0", "1.1");
  }

  @Test
  void aStepThatWouldLoseXpOrACompletionIsRefused() {
    ProgressMigrationStep lossy = step("1.0", "1.1", d -> {
      d.put("lesson_completions", Map.of());
      return d;
    });
    ProgressMigrations next = ProgressMigrations.of("1.1", List.of(new SchemaV09ToV10(), lossy));

    assertThatThrownBy(() -> next.migrate(v09())).isInstanceOf(ProgressMigrationException.class)
        .hasMessage("step 1.0 → 1.1 would change user telegram_123456's XP or completions: before"
            + " (telegram_123456, 500 XP, {stock_basics_003=50, stock_basics_004=30}), after (telegram_123456, 500"
            + " XP, {});"
            + " nothing was migrated");
  }

  @Test
  void theRegistryRefusesGapsForksAndCycles() {
    assertThatThrownBy(() -> ProgressMigrations.of("1.1", List.of(new SchemaV09ToV10())))
        .hasMessage("no step from schema version 1.0 (reached from 0.9) towards 1.1");
    assertThatThrownBy(() -> ProgressMigrations.of("1.0", List.of(new SchemaV09ToV10(), step("0.9", "1.0", d -> d))))
        .hasMessage("two steps start from schema version 0.9");
    assertThatThrownBy(() -> ProgressMigrations.of("2.0", List.of(step("0.9", "1.0", d -> d), step("1.0", "0.9", d -> d))))
        .hasMessage("the steps from schema version 0.9 go round in a circle");
  }

  @Test
  void aMalformedDocumentIsReportedNotSilentlySkipped() {
    Map<String, Object> doc = v09();
    doc.put("lessons", Map.of("stock_basics_001", "started"));
    assertThatThrownBy(() -> migrations.migrate(doc)).isInstanceOf(ProgressMigrationException.class)
        .hasMessage("lessons.stock_basics_001 must be a mapping, not started");
  }

  private static Map<String, Object> lesson(Map<String, Object> doc, String id) {
    return entry(doc, "lessons", id);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(Map<String, Object> doc, String key, String id) {
    return (Map<String, Object>) ((Map<String, Object>) doc.get(key)).get(id);
  }

  private static ProgressMigrationStep step(String from, String to,
      java.util.function.UnaryOperator<Map<String, Object>> change) {
    return new ProgressMigrationStep() {
      public String from() {
        return from;
      }

      public String to() {
        return to;
      }

      public String description() {
        return "test step";
      }

      public Map<String, Object> apply(Map<String, Object> document) {
        Map<String, Object> d = change.apply(document);
        d.put("schema_version", to);
        return d;
      }
    };
  }
}
