package dev.runbook.activities.snapshot;

/** Failure types of the snapshot activities; workflows match on these names, never on messages. */
public final class SnapshotFailures {
  /** Missing fields or an environment without a target database: fix the input. */
  public static final String BAD_REQUEST = "BadSnapshotRequest";
  /** No usable pg_dump/pg_restore/psql for the server's version: install Debian's postgresql-client. */
  public static final String CLIENT_TOOLS_MISSING = "PgClientToolsMissing";
  /** The target database did not answer: retried. */
  public static final String DATABASE_UNREACHABLE = "DatabaseUnreachable";
  /** A restore was asked for a run that has no completed snapshot: nothing was changed. */
  public static final String SNAPSHOT_MISSING = "SnapshotMissing";
  /** The snapshot file no longer matches its record: a person must look before anything is restored. */
  public static final String SNAPSHOT_DAMAGED = "SnapshotDamaged";
  /** pg_dump, pg_restore or psql failed (lock timeout, disk full ...): retried. */
  public static final String TOOL_FAILED = "PgToolFailed";
  /** Objects of other schemas depend on the owned schemas: a restore would drop them; nothing changed. */
  public static final String RESTORE_REFUSED = "RestoreRefused";
  /** A validation query was false or failed on the restored copy. */
  public static final String VALIDATION_FAILED = "RehearsalValidationFailed";

  private SnapshotFailures() {}
}
