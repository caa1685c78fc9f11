package dev.runbook.activities.lessons;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import java.sql.Connection;
import java.sql.SQLException;

/** Stored versions an activity needs to exist (and to be servable), failing non-retryably when not. */
final class VersionLookups {
  private VersionLookups() {}

  static StoredVersion stored(Connection c, String lessonId, String version) throws SQLException {
    Inputs.version(version);
    return LessonStoreQueries.version(c, Inputs.text("lessonId", lessonId), version).orElseThrow(() ->
        LessonFailures.refuse(LessonFailures.INVALID_INPUT, "version " + version + " of lesson " + lessonId
            + " is not stored; store it first"));
  }

  /** Stored and never withdrawn: a withdrawn version is never served again. */
  static StoredVersion servable(Connection c, String lessonId, String version) throws SQLException {
    StoredVersion stored = stored(c, lessonId, version);
    if (stored.withdrawn()) {
      throw LessonFailures.refuse(LessonStoreActivities.VERSION_REFUSED, "version " + stored.version()
          + " of lesson " + lessonId + " was withdrawn (" + stored.withdrawnReason() + ") and is never served again");
    }
    return stored;
  }

  static Lesson lesson(StoredVersion stored) {
    ValidationReport report = LessonValidator.validate(stored.lessonId() + " " + stored.version(), stored.contentYaml());
    return report.lesson().orElseThrow(() ->
        LessonFailures.refuse(LessonStoreActivities.INVALID_LESSON, "stored " + report.format()));
  }
}
