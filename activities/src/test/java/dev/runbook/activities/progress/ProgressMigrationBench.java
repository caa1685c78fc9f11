package dev.runbook.activities.progress;

import dev.runbook.activities.support.TestPostgres;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Progress migration throughput against the floor a database offers: the same rows migrated by one
 * set-based UPDATE (the 0.9 → 1.0 step written in SQL) versus the pass (keyset batches, documents
 * migrated in Java by the registered steps, written compare-and-set with a ledger row per batch).
 * Each measurement starts from a freshly seeded, vacuumed table of {@code -Dbench.rows} 0.9
 * documents (default 1,000,000) on one embedded Postgres. Not part of the suite:
 * {@code mvn -B -ntp -o verify -pl activities -am -Dbench=true -Dtest=ProgressMigrationBench
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.rows=1000000] [-Dbench.batches=1000,5000]
 * [-Dbench.rounds=2]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ProgressMigrationBench {
  /** Seed 001's _migrate_0_9_to_1_0 in SQL: version 1.0 on every lesson entry that has none. */
  private static final String SET_BASED = "update platform.user_progress set document ="
      + " jsonb_set(jsonb_set(jsonb_set(document, '{schema_version}', '\"1.0\"'),"
      + " '{lessons}', coalesce((select jsonb_object_agg(k, jsonb_build_object('version', '1.0') || v)"
      + "   from jsonb_each(document->'lessons') e(k, v)), '{}'::jsonb)),"
      + " '{lesson_completions}', coalesce((select jsonb_object_agg(k, jsonb_build_object('version', '1.0') || v)"
      + "   from jsonb_each(document->'lesson_completions') e(k, v)), '{}'::jsonb)),"
      + " revision = revision + 1, updated_at = now()"
      + " where coalesce(document->>'schema_version', '0.9') <> '1.0'";

  @Test
  void measure() throws Exception {
    int rows = Integer.getInteger("bench.rows", 1_000_000);
    int rounds = Integer.getInteger("bench.rounds", 2);
    List<Integer> batches = new ArrayList<>();
    for (String b : System.getProperty("bench.batches", "1000,5000").split(",")) {
      batches.add(Integer.parseInt(b.strip()));
    }
    try (TestPostgres pg = TestPostgres.startMigrated()) {
      ProgressTable table = new ProgressTable(pg);
      System.out.printf(Locale.ROOT, "rows %d, rounds %d, batches %s, %s%n", rows, rounds, batches, version(pg));
      for (int round = 1; round <= rounds; round++) {
        for (int batch : batches) {
          // each pass is compared with a set-based UPDATE measured just before it: the machine is
          // shared, and a floor taken minutes earlier under another load would skew the ratio
          fresh(table, pg, rows);
          long t0 = System.nanoTime();
          long updated = exec(pg, SET_BASED);
          double setBased = rate(updated, t0);
          check(pg, rows);
          fresh(table, pg, rows);
          ProgressPass pass = new ProgressPass(pg.dataSource(), ProgressMigrations.standard(), cp -> {});
          long t1 = System.nanoTime();
          ProgressMigrationReport report = pass.run(new ProgressMigrationTask("bench", "bench-" + round + "-" + batch,
              batch), ProgressCheckpoint.START);
          double passRate = rate(report.migrated(), t1);
          check(pg, rows);
          System.out.printf(Locale.ROOT, "round %d, batch %,d: set-based UPDATE %,d rows at %,.0f rows/s; pass %,d rows"
              + " at %,.0f rows/s (%d batches) = %.0f%%%n", round, batch, updated, setBased, report.migrated(),
              passRate, report.batches(), 100 * passRate / setBased);
        }
      }
    }
  }

  private static void fresh(ProgressTable table, TestPostgres pg, int rows) throws Exception {
    table.clear();
    table.seed09(1, rows);
    exec(pg, "vacuum analyze platform.user_progress");
    exec(pg, "checkpoint");
  }

  private static void check(TestPostgres pg, int rows) throws Exception {
    long current = pg.count("select count(*) from platform.user_progress where document->>'schema_version' = '1.0'"
        + " and document->'lessons'->'stock_basics_002'->>'version' = '1.0'");
    if (current != rows) {
      throw new AssertionError(current + " of " + rows + " rows migrated");
    }
  }

  private static double rate(long n, long startNanos) {
    return n / ((System.nanoTime() - startNanos) / 1e9);
  }

  private static long exec(TestPostgres pg, String sql) throws Exception {
    try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
      return Math.max(0, s.getUpdateCount());
    }
  }

  private static String version(TestPostgres pg) throws Exception {
    return pg.text("select version()");
  }
}
