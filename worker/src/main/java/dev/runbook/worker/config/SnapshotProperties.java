package dev.runbook.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this worker keeps database snapshots and finds Postgres's client tools
 * ({@code runbook.snapshots}). Both belong to the machine the worker runs on, not to an
 * environment: pg_dump runs here and its file lands here, whichever environment's database it reads.
 *
 * @param directory snapshot files, one per run; null: {@code <java.io.tmpdir>/runbook-snapshots} (set it in
 *     production, off tmpfs: the snapshot is the rollback)
 * @param clientTools a directory holding pg_dump, pg_restore and psql; null: PATH, then
 *     /usr/lib/postgresql/&lt;major&gt;/bin
 * @param toolTimeout the longest one pg_dump or pg_restore may run
 */
public record SnapshotProperties(
    Path directory,
    Path clientTools,
    @DefaultValue("2h") Duration toolTimeout) {

  public static final SnapshotProperties DEFAULTS = new SnapshotProperties(null, null, Duration.ofHours(2));

  /** The directory snapshots go to. */
  public Path effectiveDirectory() {
    return directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"), "runbook-snapshots");
  }
}
