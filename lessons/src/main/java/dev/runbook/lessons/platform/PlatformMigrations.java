package dev.runbook.lessons.platform;

/**
 * Where the learning platform's own schema ({@value #SCHEMA}: lessons, flags, notices, user
 * progress) is defined: the versioned SQL files in the repository's {@value #FOLDER} folder, the one
 * place they live. This module's jar carries them as {@value #LOCATION} so that every process can
 * read the same files. Names only, no Flyway here (this module stays pure Java).
 *
 * <p>Who applies them: the platform's own deploy. Locally that is the embedded stack at start
 * ({@code ./runbook dev}, {@code ./runbook demo}), before the sandbox and the worker start; on a
 * cluster a one-shot Flyway job (docker-compose.yml {@code platform-migrations}); later the
 * schema-migration runbook. The worker never applies them: it only checks the schema is there.
 * V1 is the baseline; Flyway's history table lives in the schema itself.
 */
public final class PlatformMigrations {
  public static final String SCHEMA = "platform";
  /** The repository folder holding the migrations ({@code V<n>__<what>.sql}, never edited once applied). */
  public static final String FOLDER = "platform-migrations";
  /** The same files on the class path (the lessons jar). */
  public static final String LOCATION = "classpath:db/platform";
  /** Flyway's history table, inside {@link #SCHEMA}. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  /**
   * The schema version the platform's own deploy applies ({@code runbook dev}, docker compose):
   * later versions in {@value #FOLDER} (1.1 and on) are applied by the schema-migration runbook.
   */
  public static final String DEPLOYED_VERSION = "1.0";

  private PlatformMigrations() {}
}
