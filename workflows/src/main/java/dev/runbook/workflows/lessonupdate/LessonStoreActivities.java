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

  /**
   * The lesson policy of {@code environment} from the worker's configuration; unknown environments
   * fail non-retryably. Read-only: safe to repeat, nothing to undo.
   */
  @ActivityMethod
  LessonPolicy resolveLessonPolicy(String lessonId, String environment);

  /**
   * Validates the YAML (every problem as {@code file:line: message}), checks the id matches
   * {@code lessonId}, classifies it against the version the store serves (refusing the same, a
   * lower or a withdrawn version, or a bump too small for the content change), and renders it.
   * Read-only: safe to repeat, nothing to undo.
   */
  @ActivityMethod
  LessonCandidate check(String environment, String lessonId, String lessonFile, String lessonYaml);

  /**
   * Counts learners per compatibility-matrix row for {@code newVersion}. Read-only: safe to repeat,
   * nothing to undo.
   */
  @ActivityMethod
  LearnerImpact countLearners(String environment, String lessonId, String newVersion);

  /**
   * Marks {@code version} as archived (kept and servable to learners who started it). Idempotent by
   * (environment, lesson, version): an archived version keeps its first archive time. Not undone: a
   * mark only; the version stays servable, and a rollback makes it current again with {@link
   * #makeCurrent}.
   */
  @ActivityMethod
  void archive(String environment, String lessonId, String version, String workflowId);

  /**
   * Stores the candidate's content, not yet served to anyone. Idempotent by (environment, lesson,
   * version, checksum): storing the same checksum again is a no-op; other content under a stored
   * version number, or a withdrawn number, is refused non-retryably. Undone by {@link #withdraw}
   * (registered before the call; the number is never reused).
   */
  @ActivityMethod
  void store(String environment, LessonCandidate candidate, String lessonYaml, String workflowId);

  /**
   * Makes {@code version} the one new learners get; returns the version that was current before
   * (null if none). Idempotent by (environment, lesson, version): when {@code version} is already
   * current nothing changes and the previous version recorded by the first call is returned.
   * Undone by {@link #makeCurrent} of that previous version (a staged flag goes to 0% first); a
   * first release is undone by {@link #withdraw}, which unpublishes the lesson.
   */
  @ActivityMethod
  String makeCurrent(String environment, String lessonId, String version, String workflowId);

  /**
   * Serves {@code version} to {@code percentage}% of learners who have not started the lesson
   * (learners keep the version they started). Creates or updates the flag; a flag of another lesson
   * is refused non-retryably. Idempotent by (environment, flag): an upsert, and the same version and
   * percentage twice change nothing. Undone by {@link #setFlag} to 0% (a no-op once the version is
   * withdrawn, since {@link #withdraw} deletes its flags).
   */
  @ActivityMethod
  void setFlag(String environment, String flag, String lessonId, String version, int percentage, String workflowId);

  /**
   * Deletes the flag. Idempotent by (environment, flag): a missing flag is fine. Not undone: it runs
   * past the point of no return, with the new version current for everyone.
   */
  @ActivityMethod
  void removeFlag(String environment, String flag);

  /**
   * Withdraws {@code version}: never served again and its number never reused; its flags and
   * learner notices are deleted; learners in progress on it restart on the current version with
   * their XP. Returns those learners' count. Refused non-retryably while the version is current and
   * another one was before it (make that one current first). Idempotent by (environment, lesson,
   * version): a withdrawn version keeps its first withdrawal, a version never stored is nothing to
   * withdraw (0), and the count is read again. Not undone: final by design; it is itself the undo
   * of {@link #store}.
   */
  @ActivityMethod
  int withdraw(String environment, String lessonId, String version, String reason, String workflowId);

  /**
   * Writes the notices the compatibility matrix gives learners who started or completed an older
   * version of the lesson now that {@code newVersion} is current (patch: none, minor: "Updated"
   * badge, major: choice prompt / changelog message). Returns the count per notice name.
   * Idempotent by (learner, lesson, version), the notices' key: a retry inserts nothing twice (the
   * counts are of the notices planned, inserted now or before). Undone by {@link #withdraw} of
   * {@code newVersion}, which deletes its notices.
   */
  @ActivityMethod
  Map<String, Integer> notifyLearners(String environment, String lessonId, String newVersion, String workflowId);
}
