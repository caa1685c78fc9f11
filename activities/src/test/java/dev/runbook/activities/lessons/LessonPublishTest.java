package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.lessonupdate.LessonCandidate;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** store, makeCurrent, archive, flags and withdraw: each called twice changes nothing the second time. */
class LessonPublishTest extends LessonStoreTestBase {
  private static final String VERSIONS = "SELECT version, change_kind, stored_by, archived_at IS NOT NULL,"
      + " withdrawn_at IS NOT NULL, withdrawn_reason FROM platform.lesson_versions ORDER BY major, minor, patch";
  private static final String CURRENT = "SELECT current_version, previous_version, updated_by FROM platform.lessons";
  private static final String FLAGS = "SELECT name, lesson_id, version, percentage FROM platform.feature_flags";

  @Test
  void platformMigrationIsRepeatable() {
    assertThat(PlatformSchema.migrate(db.dataSource()).migrationsExecuted).isZero();
  }

  @Test
  void storeIsIdempotentByChecksumAndServesNobody() throws Exception {
    LessonCandidate first = check(LessonYaml.text("1.0.0"));
    store.store(ENV, first, LessonYaml.text("1.0.0"), WF);
    store.store(ENV, first, LessonYaml.text("1.0.0"), "another-run");

    assertThat(db.rows(VERSIONS)).containsExactly("1.0.0 | FIRST_RELEASE | " + WF + " | f | f | null");
    assertThat(db.text("SELECT content_yaml FROM platform.lesson_versions")).isEqualTo(LessonYaml.text("1.0.0"));
    assertThat(db.text("SELECT checksum FROM platform.lesson_versions")).isEqualTo(first.checksum());
    assertThat(db.rows(CURRENT)).isEmpty();
  }

  @Test
  void otherContentUnderAStoredNumberIsRefused() {
    LessonCandidate first = check(LessonYaml.text("1.0.0"));
    store.store(ENV, first, LessonYaml.text("1.0.0"), WF);
    String other = LessonYaml.v100().intro("Other words.").text();
    LessonCandidate forged = new LessonCandidate(ID, first.title(), "1.0.0", null, first.change(),
        Checksums.sha256(other), first.changes(), 1);

    assertFails(() -> store.store(ENV, forged, other, WF), LessonStoreActivities.VERSION_REFUSED,
        "version 1.0.0 of lesson stock_basics_001 is already stored with other content (stored by " + WF + "); a"
            + " stored version never changes");
    assertFails(() -> store.store(ENV, first, other, WF), LessonFailures.INVALID_INPUT,
        "the lesson text (checksum " + Checksums.sha256(other) + ") is not the text check accepted (checksum "
            + first.checksum() + ")");
  }

  @Test
  void makeCurrentReturnsThePreviousCurrentAlsoOnARetry() throws Exception {
    stage("1.0.0");
    assertThat(store.makeCurrent(ENV, ID, "1.0.0", WF)).isNull();
    assertThat(store.makeCurrent(ENV, ID, "1.0.0", WF)).isNull();
    stage("1.1.0");
    assertThat(store.makeCurrent(ENV, ID, "1.1.0", "wf-2")).isEqualTo("1.0.0");
    assertThat(store.makeCurrent(ENV, ID, "1.1.0", "wf-2")).isEqualTo("1.0.0");
    assertThat(db.rows(CURRENT)).containsExactly("1.1.0 | 1.0.0 | wf-2");

    // a rollback makes the previous version current again
    assertThat(store.makeCurrent(ENV, ID, "1.0.0", "wf-2")).isEqualTo("1.1.0");
    assertThat(db.rows(CURRENT)).containsExactly("1.0.0 | 1.1.0 | wf-2");
    assertFails(() -> store.makeCurrent(ENV, ID, "1.2.0", WF), LessonFailures.INVALID_INPUT,
        "version 1.2.0 of lesson stock_basics_001 is not stored; store it first");
  }

  @Test
  void archiveKeepsTheFirstTimestamp() throws Exception {
    publish("1.0.0");
    store.archive(ENV, ID, "1.0.0", WF);
    String at = db.text("SELECT archived_at FROM platform.lesson_versions");
    store.archive(ENV, ID, "1.0.0", WF);
    assertThat(db.text("SELECT archived_at FROM platform.lesson_versions")).isEqualTo(at).isNotNull();
    assertThat(db.rows(CURRENT)).containsExactly("1.0.0 | null | " + WF);
    assertFails(() -> store.archive(ENV, ID, "9.0.0", WF), LessonFailures.INVALID_INPUT,
        "version 9.0.0 of lesson stock_basics_001 is not stored; store it first");
  }

  @Test
  void flagsAreUpsertedAndRemoved() throws Exception {
    publish("1.0.0");
    LessonCandidate major = stage("2.0.0");
    store.setFlag(ENV, major.flagName(), ID, "2.0.0", 10, WF);
    store.setFlag(ENV, major.flagName(), ID, "2.0.0", 10, WF);
    assertThat(db.rows(FLAGS)).containsExactly("lesson_v2_stock_basics_001 | stock_basics_001 | 2.0.0 | 10");
    store.setFlag(ENV, major.flagName(), ID, "2.0.0", 50, WF);
    assertThat(db.rows(FLAGS)).containsExactly("lesson_v2_stock_basics_001 | stock_basics_001 | 2.0.0 | 50");

    assertFails(() -> store.setFlag(ENV, major.flagName(), ID, "2.0.0", 101, WF), LessonFailures.INVALID_INPUT,
        "a flag percentage is within 0-100, got 101");
    assertFails(() -> store.setFlag(ENV, major.flagName(), "stock_basics_002", "1.0.0", 5, WF),
        LessonFailures.INVALID_INPUT, "flag 'lesson_v2_stock_basics_001' serves lesson stock_basics_001, not"
            + " stock_basics_002");

    store.removeFlag(ENV, major.flagName());
    store.removeFlag(ENV, major.flagName());
    assertThat(db.rows(FLAGS)).isEmpty();
  }

  @Test
  void withdrawingAStagedMajorRemovesItsFlagAndCountsItsLearners() throws Exception {
    learner("u-on-200", Map.of(ID, "2.0"), Map.of());
    learner("u-on-100", Map.of(ID, "1.0.0"), Map.of());
    learner("u-done-200", Map.of(), Map.of(ID, "2.0.0"));
    publish("1.0.0");
    LessonCandidate major = stage("2.0.0");
    store.setFlag(ENV, major.flagName(), ID, "2.0.0", 10, WF);
    store.setFlag(ENV, major.flagName(), ID, "2.0.0", 0, WF);

    assertThat(store.withdraw(ENV, ID, "2.0.0", "lesson-errors fired", WF)).isEqualTo(1);
    String at = db.text("SELECT withdrawn_at FROM platform.lesson_versions WHERE version = '2.0.0'");
    assertThat(store.withdraw(ENV, ID, "2.0.0", "again", WF)).isEqualTo(1);

    assertThat(db.rows(VERSIONS)).containsExactly("1.0.0 | FIRST_RELEASE | " + WF + " | f | f | null",
        "2.0.0 | MAJOR | " + WF + " | f | t | lesson-errors fired");
    assertThat(db.text("SELECT withdrawn_at FROM platform.lesson_versions WHERE version = '2.0.0'")).isEqualTo(at);
    assertThat(db.rows(FLAGS)).isEmpty();
    assertThat(db.rows(CURRENT)).containsExactly("1.0.0 | null | " + WF);

    store.setFlag(ENV, major.flagName(), ID, "2.0.0", 0, WF); // a late retry of the rollback's flag step
    assertThat(db.rows(FLAGS)).isEmpty();
    assertFails(() -> store.setFlag(ENV, major.flagName(), ID, "2.0.0", 10, WF), LessonStoreActivities.VERSION_REFUSED,
        "version 2.0.0 of lesson stock_basics_001 was withdrawn (lesson-errors fired) and cannot be served");
    assertFails(() -> store.makeCurrent(ENV, ID, "2.0.0", WF), LessonStoreActivities.VERSION_REFUSED,
        "version 2.0.0 of lesson stock_basics_001 was withdrawn (lesson-errors fired) and is never served again");
    assertFails(() -> store.store(ENV, major, LessonYaml.text("2.0.0"), WF), LessonStoreActivities.VERSION_REFUSED,
        "version 2.0.0 of lesson stock_basics_001 was withdrawn (lesson-errors fired) and is never served again");
  }

  @Test
  void aRolledBackMinorIsWithdrawnAfterThePreviousVersionIsCurrentAgain() throws Exception {
    publish("1.0.0");
    publish("1.1.0");
    assertFails(() -> store.withdraw(ENV, ID, "1.1.0", "completion-rate fired", WF), LessonFailures.WITHDRAW_REFUSED,
        "version 1.1.0 of lesson stock_basics_001 is what learners get now; make another version current first"
            + " (previous: 1.0.0)");
    assertThat(store.makeCurrent(ENV, ID, "1.0.0", WF)).isEqualTo("1.1.0");
    assertThat(store.withdraw(ENV, ID, "1.1.0", "completion-rate fired", WF)).isZero();
    assertThat(db.rows(CURRENT)).containsExactly("1.0.0 | 1.1.0 | " + WF);
  }

  @Test
  void withdrawingAFirstReleaseUnpublishesTheLesson() throws Exception {
    learner("u-on-100", Map.of(ID, "1.0"), Map.of());
    publish("1.0.0");
    assertThat(store.withdraw(ENV, ID, "1.0.0", "lesson-errors fired", WF)).isEqualTo(1);
    assertThat(store.withdraw(ENV, ID, "1.0.0", "lesson-errors fired", WF)).isEqualTo(1);
    assertThat(db.rows(CURRENT)).isEmpty();
    assertThat(db.rows(VERSIONS)).containsExactly("1.0.0 | FIRST_RELEASE | " + WF + " | f | t | lesson-errors fired");
  }

  @Test
  void withdrawingAVersionThatWasNeverStoredIsANoOp() throws Exception {
    assertThat(store.withdraw(ENV, ID, "1.0.0", "compensation before store", WF)).isZero();
    assertThat(db.rows(VERSIONS)).isEmpty();
  }
}
