package dev.runbook.sandbox.lessons;

import java.util.regex.Pattern;

/**
 * Where the platform's lesson store is and how many simulated learner sessions to run.
 *
 * @param dbUrl             JDBC URL of the platform database, or null: no lessons, no learners
 * @param dbUser            database user
 * @param dbPassword        database password (never printed)
 * @param dbSchema          schema holding the lesson store tables (Flyway {@code classpath:db/platform})
 * @param sessionsPerSecond learner sessions started per second; 0 = none (the store is still read
 *                          by the lesson endpoints)
 */
public record LearnerOptions(String dbUrl, String dbUser, String dbPassword, String dbSchema, int sessionsPerSecond) {

  public static final String DEFAULT_USER = "postgres";
  public static final String DEFAULT_SCHEMA = "platform";
  public static final int DEFAULT_SESSIONS_PER_SECOND = 100;
  /** Far above what one session thread can run; a guard against typos, not a tuning knob. */
  public static final int MAX_SESSIONS_PER_SECOND = 10_000;
  /** Schema names go into SQL text, so only plain identifiers are accepted. */
  public static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public LearnerOptions {
    if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("platform database URL must start with jdbc:postgresql:, got " + dbUrl);
    }
    if (dbUser == null || dbUser.isBlank()) {
      throw new IllegalArgumentException("platform database user must not be empty");
    }
    if (dbPassword == null) {
      dbPassword = "";
    }
    if (dbSchema == null || !SCHEMA_NAME.matcher(dbSchema).matches()) {
      throw new IllegalArgumentException("platform database schema must be a lowercase identifier such as "
          + DEFAULT_SCHEMA + ", got " + dbSchema);
    }
    if (sessionsPerSecond < 0 || sessionsPerSecond > MAX_SESSIONS_PER_SECOND) {
      throw new IllegalArgumentException("learner sessions per second must be between 0 and "
          + MAX_SESSIONS_PER_SECOND + ", got " + sessionsPerSecond);
    }
  }

  /** Lessons off; the other values are the command-line defaults. */
  public static LearnerOptions off() {
    return new LearnerOptions(null, DEFAULT_USER, "", DEFAULT_SCHEMA, DEFAULT_SESSIONS_PER_SECOND);
  }

  /** Whether the sandbox serves lessons at all. */
  public boolean enabled() {
    return dbUrl != null;
  }

  public LearnerOptions withDb(String url, String user, String password, String schema) {
    return new LearnerOptions(url, user, password, schema, sessionsPerSecond);
  }

  public LearnerOptions withDbUrl(String url) {
    return new LearnerOptions(url, dbUser, dbPassword, dbSchema, sessionsPerSecond);
  }

  public LearnerOptions withDbUser(String user) {
    return new LearnerOptions(dbUrl, user, dbPassword, dbSchema, sessionsPerSecond);
  }

  public LearnerOptions withDbPassword(String password) {
    return new LearnerOptions(dbUrl, dbUser, password, dbSchema, sessionsPerSecond);
  }

  public LearnerOptions withDbSchema(String schema) {
    return new LearnerOptions(dbUrl, dbUser, dbPassword, schema, sessionsPerSecond);
  }

  public LearnerOptions withSessionsPerSecond(int rate) {
    return new LearnerOptions(dbUrl, dbUser, dbPassword, dbSchema, rate);
  }

  /** Without the password: options end up in logs and assertion messages. */
  @Override
  public String toString() {
    return "LearnerOptions[dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword.isEmpty() ? "" : "***")
        + ", dbSchema=" + dbSchema + ", sessionsPerSecond=" + sessionsPerSecond + "]";
  }
}
