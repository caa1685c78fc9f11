package dev.runbook.activities.lessons;

import dev.runbook.workflows.api.Refusal;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;

/**
 * Failure types of the lesson store besides the ones the contract names ({@code InvalidLesson},
 * {@code VersionRefused}, {@code RenderFailed}), and how a database error becomes one: bad data
 * cannot succeed on a retry, a lost connection or a serialization conflict can.
 */
public final class LessonFailures {
  public static final String UNKNOWN_ENVIRONMENT = Refusal.UNKNOWN_ENVIRONMENT.failureType();
  /** The environment exists but has no {@code lessons} settings: lesson updates are refused there. */
  public static final String NO_LESSON_POLICY = Refusal.NO_LESSON_POLICY.failureType();
  /** Arguments no retry can fix: a missing id, a percentage outside 0-100, an unstored version. */
  public static final String INVALID_INPUT = "InvalidLessonStoreInput";
  /** Withdrawing the version learners get now; the caller must make another version current first. */
  public static final String WITHDRAW_REFUSED = "WithdrawRefused";
  public static final String STORE_REJECTED = "LessonStoreRejected";
  public static final String STORE_UNAVAILABLE = "LessonStoreUnavailable";

  private LessonFailures() {}

  static ApplicationFailure refuse(String type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }

  static ApplicationFailure sql(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = "lesson store could not " + what + " (SQLSTATE " + state + "): " + e.getMessage();
    // 23505 and 40xxx come from a concurrent writer (another worker retrying the same activity):
    // the retry sees the committed row and takes the idempotent path.
    boolean transientConflict = state.equals("23505") || state.startsWith("40");
    if (!transientConflict && (state.startsWith("22") || state.startsWith("23"))) {
      return ApplicationFailure.newNonRetryableFailure(message, STORE_REJECTED);
    }
    return ApplicationFailure.newFailure(message, STORE_UNAVAILABLE);
  }
}
