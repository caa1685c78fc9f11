package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.compatibility.LearnerNotice;
import dev.runbook.lessons.compatibility.LessonNotices;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.workflows.lessonupdate.LearnerImpact;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * countLearners and notifyLearners over every row of seed 001's compatibility matrix, with
 * progress documents of both schemas; progress itself is never written (checked after each test).
 */
class LessonLearnersTest extends LessonStoreTestBase {
  private static final String NOTICES =
      "SELECT user_id, version, notice, created_by FROM platform.learner_notices ORDER BY user_id";

  @BeforeEach
  void learners() throws Exception {
    learner("u-new", Map.of(), Map.of("stock_basics_002", "1.0.0"));
    learner("u-on-100", Map.of(ID, "1.0.0"), Map.of());
    learner("u-on-120", Map.of(ID, "1.2.0"), Map.of());
    learner("u-done-100", Map.of(), Map.of(ID, "1.0"));
    learner("u-retake", Map.of(ID, "1.0.0"), Map.of(ID, "1.0.0"));
    // schema 0.9: no schema_version, no lesson version (means 1.0), migrated in memory only
    Map<String, Object> legacy = new LinkedHashMap<>();
    legacy.put("user_id", "u-legacy");
    legacy.put("lessons", Map.of(ID, Map.of("status", "in_progress", "sections_completed", List.of("introduction"))));
    legacy.put("lesson_completions", Map.of());
    legacy.put("gamification", Map.of("total_xp", 40, "level", 1, "badges", List.of()));
    rawLearner("u-legacy", legacy);
    rawLearner("u-broken", Map.of("user_id", "u-broken", "schema_version", "7.0"));
  }

  @Test
  void countsLearnersPerMatrixRowForAMajorUpdate() {
    publish("1.0.0");
    stage("1.2.0");
    store.withdraw(ENV, ID, "1.2.0", "bad", WF); // a withdrawn version is a retired one

    LearnerImpact impact = store.countLearners(ENV, ID, "2.0.0");

    assertThat(impact).isEqualTo(new LearnerImpact(ID, "2.0.0",
        Map.of("MAJOR_UPDATE", 3, "MAJOR_UPDATE_STARTED_RETIRED", 1), Map.of("CHANGELOG_MESSAGE", 2), 1, 6));
    assertThat(store.countLearners(ENV, ID, "2.0.0")).isEqualTo(impact);
  }

  @Test
  void countsSameVersionPatchAndMinorRows() {
    assertThat(store.countLearners(ENV, ID, "1.0.0").inProgressByRule())
        .isEqualTo(Map.of("SAME_VERSION", 3, "MINOR_UPDATE", 1));
    assertThat(store.countLearners(ENV, ID, "1.0.1").inProgressByRule())
        .isEqualTo(Map.of("PATCH_UPDATE", 3, "MINOR_UPDATE", 1));
    LearnerImpact minor = store.countLearners(ENV, ID, "1.1.0");
    assertThat(minor.inProgressByRule()).isEqualTo(Map.of("MINOR_UPDATE", 4));
    assertThat(minor.completedByNotice()).isEqualTo(Map.of("UPDATED_BADGE", 2));
  }

  @Test
  void aPatchNotifiesNobody() throws Exception {
    publish("1.0.0");
    publish("1.0.1");
    assertThat(store.notifyLearners(ENV, ID, "1.0.1", WF)).isEmpty();
    assertThat(db.rows(NOTICES)).isEmpty();
  }

  @Test
  void aMinorShowsTheUpdatedBadgeOnce() throws Exception {
    publish("1.0.0");
    publish("1.1.0");
    Map<String, Integer> sent = store.notifyLearners(ENV, ID, "1.1.0", WF);
    assertThat(store.notifyLearners(ENV, ID, "1.1.0", "a-retry")).isEqualTo(sent);

    assertThat(sent).isEqualTo(Map.of("UPDATED_BADGE", 4));
    assertThat(db.rows(NOTICES)).containsExactly(
        "u-done-100 | 1.1.0 | UPDATED_BADGE | " + WF,
        "u-legacy | 1.1.0 | UPDATED_BADGE | " + WF,
        "u-on-100 | 1.1.0 | UPDATED_BADGE | " + WF,
        "u-retake | 1.1.0 | UPDATED_BADGE | " + WF);
    assertThat(db.text("SELECT message FROM platform.learner_notices WHERE user_id = 'u-on-100'"))
        .isEqualTo(text(LearnerNotice.UPDATED_BADGE, "1.1.0", "1.0.0")).startsWith("[Updated] ");
  }

  @Test
  void aMajorPromptsLearnersInProgressAndMessagesThoseWhoCompleted() throws Exception {
    publish("1.0.0");
    stage("1.2.0");
    store.withdraw(ENV, ID, "1.2.0", "bad", WF);
    publish("2.0.0");
    learner("u-on-200", Map.of(ID, "2.0.0"), Map.of());

    assertThat(store.notifyLearners(ENV, ID, "2.0.0", WF))
        .isEqualTo(Map.of("CHOICE_PROMPT", 3, "CHANGELOG_MESSAGE", 1, "RESTART_NOTICE", 1));
    assertThat(db.rows(NOTICES)).containsExactly(
        "u-done-100 | 2.0.0 | CHANGELOG_MESSAGE | " + WF,
        "u-legacy | 2.0.0 | CHOICE_PROMPT | " + WF,
        "u-on-100 | 2.0.0 | CHOICE_PROMPT | " + WF,
        "u-on-120 | 2.0.0 | RESTART_NOTICE | " + WF,
        "u-retake | 2.0.0 | CHOICE_PROMPT | " + WF);
    assertThat(db.text("SELECT message FROM platform.learner_notices WHERE user_id = 'u-on-100'"))
        .isEqualTo(text(LearnerNotice.CHOICE_PROMPT, "2.0.0", "1.0.0"));
    assertThat(db.text("SELECT message FROM platform.learner_notices WHERE user_id = 'u-on-120'"))
        .isEqualTo(text(LearnerNotice.RESTART_NOTICE, "2.0.0", "1.2.0"));
    assertThat(db.text("SELECT message FROM platform.learner_notices WHERE user_id = 'u-done-100'"))
        .isEqualTo(text(LearnerNotice.CHANGELOG_MESSAGE, "2.0.0", "1.0.0"));
  }

  @Test
  void withdrawingAVersionRetractsItsNoticesAndLeavesOthers() throws Exception {
    publish("1.0.0");
    publish("1.1.0");
    store.notifyLearners(ENV, ID, "1.1.0", WF);
    db.execute("INSERT INTO platform.learner_notices (user_id, lesson_id, version, notice, message, created_by)"
        + " VALUES ('u-on-100', '" + ID + "', '1.0.0', 'UPDATED_BADGE', 'x', 'other-run')");
    store.makeCurrent(ENV, ID, "1.0.0", WF); // the rollback's first step: the previous version current again

    store.withdraw(ENV, ID, "1.1.0", "rolled back", WF);

    assertThat(db.rows(NOTICES)).containsExactly("u-on-100 | 1.0.0 | UPDATED_BADGE | other-run");
  }

  @Test
  void aWithdrawnVersionIsNeverAnnounced() {
    publish("1.0.0");
    stage("1.1.0");
    store.withdraw(ENV, ID, "1.1.0", "bad", WF);
    assertFails(() -> store.notifyLearners(ENV, ID, "1.1.0", WF), LessonStoreActivities.VERSION_REFUSED,
        "version 1.1.0 of lesson stock_basics_001 was withdrawn (bad) and is never served again");
  }

  private static String text(LearnerNotice notice, String current, String theirs) {
    Lesson lesson = LessonValidator.validate("x", LessonYaml.text(current)).requireValid();
    return LessonNotices.text(notice, lesson, SemanticVersion.parse(theirs)).orElseThrow();
  }
}
