package dev.runbook.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.SharedPostgres;
import dev.runbook.workflows.contract.MigrationVerified;
import dev.runbook.workflows.contract.MigrationVerifyRequest;
import dev.runbook.workflows.contract.SchemaMigrationActivities;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verifyDatabase against a real Postgres: the live schema's version and the validation queries. */
class LiveVerificationTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  @TempDir Path folder;
  private DataSource db;
  private String schema;
  private FlywaySchemaMigrationActivities activities;

  @BeforeEach
  void migrated() throws Exception {
    db = SharedPostgres.get().getPostgresDatabase();
    schema = "verify_" + SCHEMAS.incrementAndGet();
    Files.writeString(folder.resolve("V1__baseline.sql"), "CREATE TABLE user_progress (user_id text PRIMARY KEY);\n");
    Files.writeString(folder.resolve("V1.1__lesson_version.sql"),
        "ALTER TABLE user_progress ADD COLUMN lesson_version varchar(10) DEFAULT '1.0';\n");
    Flyway.configure().dataSource(db).schemas(schema).defaultSchema(schema).createSchemas(true)
        .locations("filesystem:" + folder).target("1.1").load().migrate();
    activities = new FlywaySchemaMigrationActivities(env -> new MigrationTarget(db, schema, folder), null);
  }

  private MigrationVerifyRequest request(String target, String... queries) {
    return new MigrationVerifyRequest("local", target, List.of(queries));
  }

  @Test
  void theTargetVersionAndTrueQueriesPass() {
    MigrationVerified verified = activities.verifyDatabase(request("1.1", "select count(*) = 0 from " + schema
        + ".user_progress", "select exists (select 1 from information_schema.columns where table_schema = '" + schema
        + "' and column_name = 'lesson_version')"));
    assertThat(verified.schema()).isEqualTo(schema);
    assertThat(verified.version()).isEqualTo("1.1 (Flyway 1.1)");
    assertThat(verified.validationsPassed()).isEqualTo(2);
  }

  @Test
  void anotherVersionAFalseQueryAndABrokenQueryFailNonRetryablyNamingThem() {
    assertThatThrownBy(() -> activities.verifyDatabase(request("1")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SchemaMigrationActivities.VERIFY_FAILED);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).isEqualTo(schema + " is at Flyway version 1.1 after the migration, not"
              + " at 1 (1)");
        });
    assertThatThrownBy(() -> activities.verifyDatabase(request("1.1", "select true", "select 1 = 2")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getOriginalMessage())
            .isEqualTo("validation query 2 is not true on the live database: select 1 = 2"));
    assertThatThrownBy(() -> activities.verifyDatabase(request("1.1", "select nope from nowhere")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(SchemaMigrationActivities.VERIFY_FAILED);
          assertThat(f.getOriginalMessage()).startsWith("validation query 1 failed on the live database: ERROR:");
        });
  }
}
