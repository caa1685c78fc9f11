package dev.runbook.workflows.lessonupdate;

/** How a candidate relates to what the lesson store publishes; decides the procedure. */
public enum LessonChange {
  /** The lesson has never been published in this environment. */
  FIRST_RELEASE,
  /** Typo or small fix: published at once, no notification (seed 000 procedure 1). */
  PATCH,
  /** New content: published at once, "Updated" badge (seed 000 procedure 1). */
  MINOR,
  /** Rewrite or breaking change: archive, feature flag, staged rollout (seed 000 procedure 2). */
  MAJOR;

  public boolean staged() {
    return this == MAJOR;
  }
}
