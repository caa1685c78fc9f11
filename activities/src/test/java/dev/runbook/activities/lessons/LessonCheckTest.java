package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.lessonupdate.LessonCandidate;
import dev.runbook.workflows.lessonupdate.LessonChange;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check}: validation, classification against the store, refusals, and that it writes nothing. */
class LessonCheckTest extends LessonStoreTestBase {

  @Test
  void aFirstReleaseIsClassifiedRenderedAndChecksummed() throws Exception {
    String yaml = LessonYaml.text("1.0.0");
    LessonCandidate candidate = check(yaml);

    assertThat(candidate).isEqualTo(new LessonCandidate(ID, "Understanding Stock Prices", "1.0.0", null,
        LessonChange.FIRST_RELEASE, sha256(yaml), List.of("Changes of 1.0.0"), candidate.renderedLines()));
    assertThat(candidate.renderedLines()).isGreaterThan(10);
    assertThat(candidate.flagName()).isEqualTo("lesson_v1_stock_basics_001");
  }

  @Test
  void patchMinorAndMajorAreClassifiedAgainstTheCurrentVersion() {
    publish("1.0.0");
    assertThat(check(LessonYaml.text("1.0.1"))).extracting(LessonCandidate::change, LessonCandidate::publishedVersion)
        .containsExactly(LessonChange.PATCH, "1.0.0");
    assertThat(check(LessonYaml.text("1.1.0")).change()).isEqualTo(LessonChange.MINOR);
    assertThat(check(LessonYaml.text("2.0.0")).change()).isEqualTo(LessonChange.MAJOR);
  }

  @Test
  void checkWritesNothing() throws Exception {
    publish("1.0.0");
    List<String> before = db.rows("SELECT * FROM platform.lesson_versions");
    check(LessonYaml.text("1.1.0"));
    check(LessonYaml.text("1.1.0"));
    assertThat(db.rows("SELECT * FROM platform.lesson_versions")).isEqualTo(before);
    assertThat(db.rows("SELECT current_version, previous_version FROM platform.lessons")).containsExactly("1.0.0 | null");
  }

  @Test
  void theSameVersionWithOtherContentIsRefused() {
    publish("1.0.0");
    assertFails(() -> check(LessonYaml.v100().intro("Different words.").text()), LessonStoreActivities.VERSION_REFUSED,
        "version 1.0.0 of lesson stock_basics_001 is already stored with other content (stored by " + WF + ");"
            + " a stored version never changes: publish this content as 1.0.1");
  }

  @Test
  void theCurrentVersionWithTheSameContentIsReportedAsAlreadyPublished() {
    publish("1.0.0");
    publish("1.1.0");
    LessonCandidate again = check(LessonYaml.text("1.1.0"));
    assertThat(again.publishedVersion()).isEqualTo(again.version()).isEqualTo("1.1.0");
    assertThat(again.change()).isEqualTo(LessonChange.MINOR);
  }

  @Test
  void aLowerVersionIsRefused() {
    publish("1.0.0");
    publish("1.1.0");
    assertFails(() -> check(LessonYaml.text("1.0.1")), LessonStoreActivities.VERSION_REFUSED,
        "version 1.0.1 is lower than the published 1.1.0: versions only move forward; to undo a release, roll it back");
  }

  @Test
  void aBumpTooSmallForTheContentChangeIsRefused() {
    publish("1.0.0");
    assertFails(() -> check(LessonYaml.text("1.1.0").replace("1.1.0", "1.0.1")), LessonStoreActivities.VERSION_REFUSED,
        "version 1.0.1 is a patch change, but it adds section(s) 'key_takeaways', which needs a minor version (1.1.0)");
    assertFails(() -> check(LessonYaml.text("2.0.0").replace("2.0.0", "1.1.0")), LessonStoreActivities.VERSION_REFUSED,
        "version 1.1.0 is a minor change, but it removes section(s) 'explanation' that learners in progress may have"
            + " completed, which needs a major version (2.0.0)");
  }

  @Test
  void aWithdrawnNumberIsNeverReused() {
    publish("1.0.0");
    stage("2.0.0");
    store.withdraw(ENV, ID, "2.0.0", "lesson-errors fired", WF);
    assertFailsMatching(() -> check(LessonYaml.text("2.0.0")), LessonStoreActivities.VERSION_REFUSED,
        "version 2\\.0\\.0 of lesson stock_basics_001 was withdrawn on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"
            + " \\(lesson-errors fired\\); publish the fix as 2\\.0\\.1");
    assertThat(check(LessonYaml.text("2.0.1")).change()).isEqualTo(LessonChange.MAJOR);
  }

  @Test
  void anInvalidFileListsEveryProblemAsFileLineMessage() {
    String yaml = LessonYaml.text("1.0.0").replace("version: \"1.0.0\"\ntitle", "version: \"1.x\"\ntitle")
        .replace("xp: 10", "xp: -5").replace("category: fundamentals", "category: fundamentals\ndifficulty: easy");
    assertFails(() -> check(yaml), LessonStoreActivities.INVALID_LESSON, String.join("\n",
        "stock_basics_001.yaml:2: version '1.x' is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.1",
        "stock_basics_001.yaml:5: unknown field 'difficulty' (expected one of id, version, title, category, changelog,"
            + " sections, quiz)",
        "stock_basics_001.yaml:25: quiz question 'q1': xp must be positive, got -5"));
  }

  @Test
  void theIdMustBeTheLessonTheUpdateWasStartedFor() {
    assertFails(() -> check(LessonYaml.v100().id("stock_basics_002").text()), LessonStoreActivities.INVALID_LESSON,
        "stock_basics_001.yaml:1: id 'stock_basics_002' does not match the lesson id 'stock_basics_001' this update"
            + " was started for");
  }

  @Test
  void environmentsWithoutALessonStoreAreRefused() {
    assertFails(() -> store.check("prod", ID, "f.yaml", LessonYaml.text("1.0.0")), LessonFailures.UNKNOWN_ENVIRONMENT,
        "unknown environment 'prod'; known: local, staging");
    assertFails(() -> store.check("staging", ID, "f.yaml", LessonYaml.text("1.0.0")), LessonFailures.NO_LESSON_POLICY,
        "environment 'staging' has no lesson policy (runbook.environments.staging.lessons)");
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
