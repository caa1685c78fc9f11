package dev.runbook.activities.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One embedded Postgres for the test classes that bring their own schemas and clean them up
 * themselves (snapshots, migrations): starting one per class cost seconds each. Started on first
 * use; the embedded server's own shutdown hook stops it when the test JVM ends. Test classes run
 * one after the other in a fork, so they never share it at the same time.
 */
public final class SharedPostgres {
  private static EmbeddedPostgres postgres;

  private SharedPostgres() {}

  public static synchronized EmbeddedPostgres get() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded Postgres", e);
      }
    }
    return postgres;
  }
}
