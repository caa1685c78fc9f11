package dev.runbook.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.contract.MigrateRequest;
import dev.runbook.workflows.contract.MigrationApplied;
import dev.runbook.workflows.contract.MigrationCheckRequest;
import dev.runbook.workflows.contract.MigrationPlan;
import dev.runbook.workflows.contract.MigrationRefusal;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import io.temporal.failure.ApplicationFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The pre-migration check against a real Postgres and a migrations folder of the test's own. */
class FlywaySchemaMigrationActivitiesTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres pg;
  private static DataSource db;

  @TempDir Path folder;
  private String schema;

  @BeforeAll
  static void start() throws Exception {
    pg = SharedPostgres.get();
    db = pg.getPostgresDatabase();
  }


  @BeforeEach
  void migrations() throws Exception {
    schema = "platform_" + SCHEMAS.incrementAndGet();
    Files.writeString(folder.resolve("V1__baseline.sql"),
        "CREATE TABLE user_progress (user_id text PRIMARY KEY, doc jsonb NOT NULL);\n");
    Files.writeString(folder.resolve("V1.1__lesson_version.sql"),
        "ALTER TABLE user_progress ADD COLUMN lesson_version varchar(10) DEFAULT '1.0';\n");
    Files.writeString(folder.resolve("V1.2__migrated_at.sql"),
        "ALTER TABLE user_progress ADD COLUMN migrated_at timestamptz;\n");
  }

  private FlywaySchemaMigrationActivities activities(Path migrations) {
    return new FlywaySchemaMigrationActivities(env -> {
      if (!env.equals("local")) {
        throw new IllegalArgumentException("environment '" + env + "' has no target database");
      }
      return new MigrationTarget(db, schema, migrations);
    }, null);
  }

  private void migrateTo(String version) {
    Flyway.configure().dataSource(db).schemas(schema).defaultSchema(schema).createSchemas(true)
        .locations("filesystem:" + folder).target(version).load().migrate();
  }

  private MigrationPlan check(String target) {
    return activities(folder).checkMigration(new MigrationCheckRequest("local", target));
  }

  @Test
  void aValidTargetAnswersThePendingMigrationsUpToItAndChangesNothing() throws Exception {
    migrateTo("1");
    long history = count("SELECT count(*) FROM " + schema + ".flyway_schema_history");

    MigrationPlan plan = check("1.1");
    assertThat(plan.currentVersion()).isEqualTo("1");
    assertThat(plan.targetVersion()).isEqualTo("1.1");
    assertThat(plan.pending()).extracting(MigrationPlan.PendingMigration::version).containsExactly("1.1");
    assertThat(plan.pending().get(0).script()).isEqualTo("V1.1__lesson_version.sql");
    assertThat(check("1.2").pending()).extracting(MigrationPlan.PendingMigration::version).containsExactly("1.1", "1.2");
    assertThat(count("SELECT count(*) FROM " + schema + ".flyway_schema_history")).isEqualTo(history);
  }

  @Test
  void thePlatformsDeployedSchemaPlansRelease11AsItsV4() throws Exception {
    // the repository's platform-migrations/ as runbook dev deploys it: release 1.0 is Flyway 3
    Path platform = Path.of("..", "platform-migrations").toAbsolutePath().normalize();
    Flyway.configure().dataSource(db).schemas(schema).defaultSchema(schema).createSchemas(true)
        .locations("filesystem:" + platform).target("3").load().migrate();

    MigrationPlan plan = activities(platform).checkMigration(new MigrationCheckRequest("local", "1.1"));
    assertThat(plan.currentVersion()).isEqualTo("3");
    assertThat(plan.targetVersion()).isEqualTo("4");
    assertThat(plan.pending()).extracting(MigrationPlan.PendingMigration::script)
        .containsExactly("V4__lesson_version_columns.sql");
    assertThatThrownBy(() -> activities(platform).checkMigration(new MigrationCheckRequest("local", "1.0")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType())
            .isEqualTo(MigrationRefusal.TARGET_NOT_ABOVE_CURRENT.failureType()));
  }

  @Test
  void theLiveMigrationAppliesUpToTheTargetOnceAndARetryFindsItDone() throws Exception {
    migrateTo("1");
    MigrationApplied applied = activities(folder).migrateDatabase(new MigrateRequest("local", "1.1", 5));
    assertThat(applied.fromVersion()).isEqualTo("1");
    assertThat(applied.toVersion()).isEqualTo("1.1");
    assertThat(applied.applied()).containsExactly("1.1");
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND column_name = 'lesson_version'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND column_name = 'migrated_at'")).isZero(); // 1.2 is above the target

    MigrationApplied again = activities(folder).migrateDatabase(new MigrateRequest("local", "1.1", 5));
    assertThat(again.applied()).isEmpty();
    assertThat(again.toVersion()).isEqualTo("1.1");
  }

  @Test
  void aFailingStatementRollsItsFileBackAndIsNotRetried() throws Exception {
    migrateTo("1.2");
    Files.writeString(folder.resolve("V1.3__broken.sql"),
        "ALTER TABLE user_progress ADD COLUMN half_done int;\nALTER TABLE user_progress ADD COLUMN doc text;\n");

    assertThatThrownBy(() -> activities(folder).migrateDatabase(new MigrateRequest("local", "1.3", 5)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SchemaMigrationActivities.MIGRATION_FAILED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).startsWith("migrating " + schema + " from 1.2 to 1.3 failed and the failing"
              + " file was rolled back: ").contains("column \"doc\" of relation \"user_progress\" already exists");
        });
    assertThat(count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + schema
        + "' AND column_name = 'half_done'")).isZero();
  }

  @Test
  void aMigrationWaitingTooLongForALockGivesUpRetryably() throws Exception {
    migrateTo("1");
    try (Connection reader = db.getConnection(); Statement s = reader.createStatement()) {
      reader.setAutoCommit(false);
      s.executeQuery("SELECT count(*) FROM " + schema + ".user_progress").close(); // a long read holds its lock
      assertThatThrownBy(() -> activities(folder).migrateDatabase(new MigrateRequest("local", "1.1", 1)))
          .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
            assertThat(f.getType()).isEqualTo(SchemaMigrationActivities.LOCK_TIMEOUT);
            assertThat(f.isNonRetryable()).isFalse();
          });
      reader.rollback();
    }
    assertThat(activities(folder).migrateDatabase(new MigrateRequest("local", "1.1", 1)).applied()).containsExactly("1.1");
  }

  @Test
  void aSchemaWithoutMigrationsYetPlansFromTheBeginningWithoutCreatingIt() throws Exception {
    MigrationPlan plan = check("1.1");
    assertThat(plan.currentVersion()).isNull();
    assertThat(plan.pending()).extracting(MigrationPlan.PendingMigration::version).containsExactly("1", "1.1");
    assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")).isZero();
  }

  @Test
  void anUnknownTargetIsRefusedListingTheKnownVersions() {
    migrateTo("1");
    refused("2.0", MigrationRefusal.UNKNOWN_TARGET, "no migration has version 2.0 in " + folder + "; known: 1, 1.1, 1.2");
    refused("latest", MigrationRefusal.UNKNOWN_TARGET, "'latest' is not a migration version such as 1.1");
  }

  @Test
  void aTargetAtOrBelowTheCurrentVersionIsRefused() {
    migrateTo("1.1");
    refused("1.1", MigrationRefusal.TARGET_NOT_ABOVE_CURRENT, schema + " is at version 1.1; the target 1.1 must be above it");
    refused("1", MigrationRefusal.TARGET_NOT_ABOVE_CURRENT, "the target 1 must be above it");
  }

  @Test
  void anEditedAppliedMigrationIsRefusedNamingIt() throws Exception {
    migrateTo("1.1");
    Files.writeString(folder.resolve("V1.1__lesson_version.sql"),
        "ALTER TABLE user_progress ADD COLUMN lesson_version varchar(20) DEFAULT '1.0';\n");
    refused("1.2", MigrationRefusal.APPLIED_MIGRATION_CHANGED, "applied migration 1.1 (lesson version) of " + schema);
  }

  @Test
  void aRemovedAppliedMigrationIsRefused() throws Exception {
    migrateTo("1.1");
    Files.delete(folder.resolve("V1__baseline.sql"));
    refused("1.2", MigrationRefusal.APPLIED_MIGRATION_CHANGED, "applied migration 1 (baseline)");
  }

  @Test
  void aMissingFolderIsRefused() {
    Path missing = folder.resolve("platform-migrations");
    assertThatThrownBy(() -> activities(missing).checkMigration(new MigrationCheckRequest("local", "1.1")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(MigrationRefusal.MIGRATIONS_FOLDER_MISSING.failureType());
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).isEqualTo("the migrations folder " + missing
              + " of local does not exist; nothing was changed");
        });
  }

  @Test
  void anUnreachableDatabaseFailsRetryablyAndAnUnknownEnvironmentIsRefused() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    PGSimpleDataSource gone = new PGSimpleDataSource();
    gone.setURL("jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2");
    gone.setUser("postgres");
    FlywaySchemaMigrationActivities unreachable = new FlywaySchemaMigrationActivities(
        env -> new MigrationTarget(gone, "platform", folder), null);
    assertThatThrownBy(() -> unreachable.checkMigration(new MigrationCheckRequest("local", "1.1")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(MigrationRefusal.DATABASE_UNREACHABLE);
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getOriginalMessage()).startsWith("the target database of local cannot be reached: ");
        });
    assertThatThrownBy(() -> activities(folder).checkMigration(new MigrationCheckRequest("staging", "1.1")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f ->
            assertThat(f.getOriginalMessage()).isEqualTo("environment 'staging' has no target database"));
  }

  private void refused(String target, MigrationRefusal refusal, String message) {
    assertThatThrownBy(() -> check(target))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(refusal.failureType());
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains(message);
        });
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
