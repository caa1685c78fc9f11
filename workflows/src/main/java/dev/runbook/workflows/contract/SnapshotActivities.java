package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Snapshots of a target database with Postgres's own tools, limited to the schemas the target owns
 * (the environment's configuration names them): the runbook's registry, approvals audit and write
 * capture live in other schemas of the same database and are never dumped, dropped or rewound.
 * Every method heartbeats while its tool runs, so a lost worker is noticed and the retry resumes.
 */
@ActivityInterface
public interface SnapshotActivities {

  /**
   * Dumps the owned schemas ({@code pg_dump -Fc -n SCHEMA}) to a file named after the run (workflow
   * id + run id) and records when, its size, throughput and the exact restore command. Idempotent
   * by run: a completed snapshot is returned as recorded, never retaken; a dump cut short by a crash
   * is discarded and taken again. Undone by nothing (a file; the snapshot is what undoes the rest).
   */
  @ActivityMethod
  SnapshotRecord snapshotDatabase(SnapshotRequest request);

  /**
   * Rehearsal ground: creates a scratch database named after the run, restores the snapshot into it,
   * runs each validation query (one boolean row each; false or an error fails the rehearsal, naming
   * the query) and drops the scratch database whatever happened. Idempotent by run: a scratch
   * database left by a crashed attempt is dropped and made again. Leaves the live database alone.
   */
  @ActivityMethod
  ScratchRestoreResult restoreToScratch(ScratchRestoreRequest request);

  /**
   * Replaces the live owned schemas with the snapshot: drops each owned schema (cascade) and
   * restores the dump in ONE transaction, so a failure or crash leaves the live schemas as they
   * were; other schemas are never touched. Idempotent by run: restoring again gives the same
   * schemas. Undone by nothing: what was written after the snapshot is re-applied by the caller.
   */
  @ActivityMethod
  RestoreResult restoreSnapshot(SnapshotRequest request);
}
