package dev.runbook.workflows.lessonupdate;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Map;

/**
 * The platform's lesson store (Postgres schema {@code platform}, see lessons/README.md): lesson
 * versions, the current version of each lesson, feature flags and learner notices. Learners'
 * progress is only ever read here: publishing or rolling back a lesson never writes progress, XP
 * or completions. Every method is idempotent so a retry after a crash changes nothing twice.
 * Unknown environments fail non-retryably.
 */
@ActivityInterface
public interface LessonStoreActivities {

  /** Type of the non-retryable failure for a lesson file with problems; its message lists them all. */
  String INVALID_LESSON = "InvalidLesson";
  /** Type of the non-retryable failure for a version that cannot be published (same, lower, withdrawn). */
  String VERSION_REFUSED = "VersionRefused";
  /** Type of the non-retryable failure when the lesson does not render. */
  String RENDER_FAILED = "RenderFailed";

  /** The lesson policy of {@code environment}; unknown environments fail non-retryably. */
  @ActivityMethod
  LessonPolicy resolveLessonPolicy(String lessonId, String environment);

  /**
   * Validates the YAML (every problem as {@code file:line: message}), checks the id matches
   * {@code lessonId}, classifies it against the version the store serves (refusing the same, a
   * lower or a withdrawn version, or a bump too small for the content change), and renders it.
   * Read-only.
   */
  @ActivityMethod
  LessonCandidate check(String environment, String lessonId, String lessonFile, String lessonYaml);

  /** Counts learners per compatibility-matrix row for {@code newVersion}. Read-only. */
  @ActivityMethod
  LearnerImpact countLearners(String environment, String lessonId, String newVersion);

  /** Marks {@code version} as archived (kept and servable to learners who started it). */
  @ActivityMethod
  void archive(String environment, String lessonId, String version, String workflowId);

  /**
   * Stores the candidate's content, not yet served to anyone. Storing the same checksum again is a
   * no-op; other content under a stored version number is refused non-retryably.
   */
  @ActivityMethod
  void store(String environment, LessonCandidate candidate, String lessonYaml, String workflowId);

  /** Makes {@code version} the one new learners get; returns the version that was current before (null if none). */
  @ActivityMethod
  String makeCurrent(String environment, String lessonId, String version, String workflowId);

  /**
   * Serves {@code version} to {@code percentage}% of learners who have not started the lesson
   * (learners keep the version they started). Creates or updates the flag.
   */
  @ActivityMethod
  void setFlag(String environment, String flag, String lessonId, String version, int percentage, String workflowId);

  /** Deletes the flag; a missing flag is fine. */
  @ActivityMethod
  void removeFlag(String environment, String flag);

  /**
   * Withdraws {@code version}: never served again and its number never reused; learners in
   * progress on it restart on the current version with their XP. Returns those learners' count.
   */
  @ActivityMethod
  int withdraw(String environment, String lessonId, String version, String reason, String workflowId);

  /**
   * Writes the notices the compatibility matrix gives learners who started or completed an older
   * version of the lesson now that {@code newVersion} is current (patch: none, minor: "Updated"
   * badge, major: choice prompt / changelog message); once per learner and version. Returns the
   * count per notice name.
   */
  @ActivityMethod
  Map<String, Integer> notifyLearners(String environment, String lessonId, String newVersion, String workflowId);
}
