package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.lessonupdate.LessonCandidate;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One real Postgres per test class with the platform schema. After every test, {@code
 * user_progress} must be exactly what the test seeded: the lesson store never writes progress.
 */
abstract class LessonStoreTestBase {
  static final String ENV = "local";
  static final String ID = LessonYaml.ID;
  static final String WF = "lesson:" + ID + ":" + ENV;

  static LessonStoreDb db;

  LessonStoreActivitiesImpl store;
  private List<String> progressBefore;

  @BeforeAll
  static void startDatabase() throws Exception {
    db = LessonStoreDb.start();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void cleanStore() throws Exception {
    db.clean();
    store = new LessonStoreActivitiesImpl(new LessonEnvironments(TestCatalog.catalog(), Map.of(ENV, db.dataSource())));
    progressBefore = db.progressSnapshot();
  }

  @AfterEach
  void progressIsUntouched() throws Exception {
    assertThat(db.progressSnapshot()).isEqualTo(progressBefore);
  }

  /** Seeds a learner's document; the only write to user_progress a test makes. */
  void learner(String userId, Map<String, String> inProgress, Map<String, String> completed) throws Exception {
    db.progress(userId, LessonStoreDb.document(userId, inProgress, completed));
    progressBefore = db.progressSnapshot();
  }

  void rawLearner(String userId, Map<String, Object> document) throws Exception {
    db.progress(userId, document);
    progressBefore = db.progressSnapshot();
  }

  LessonCandidate check(String yaml) {
    return store.check(ENV, ID, ID + ".yaml", yaml);
  }

  /** check → store → makeCurrent, as a patch or minor update publishes. */
  LessonCandidate publish(String version) {
    String yaml = LessonYaml.text(version);
    LessonCandidate candidate = check(yaml);
    store.store(ENV, candidate, yaml, WF);
    store.makeCurrent(ENV, ID, candidate.version(), WF);
    return candidate;
  }

  /** check → store, as a major update stores before its flag rollout. */
  LessonCandidate stage(String version) {
    String yaml = LessonYaml.text(version);
    LessonCandidate candidate = check(yaml);
    store.store(ENV, candidate, yaml, WF);
    return candidate;
  }

  static void assertFails(ThrowingCallable call, String type, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.isNonRetryable()).as("non-retryable").isTrue();
      assertThat(f.getType()).isEqualTo(type);
      assertThat(f.getOriginalMessage()).isEqualTo(message);
    });
  }

  static void assertFailsMatching(ThrowingCallable call, String type, String regex) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.isNonRetryable()).as("non-retryable").isTrue();
      assertThat(f.getType()).isEqualTo(type);
      assertThat(f.getOriginalMessage()).matches(regex);
    });
  }
}
