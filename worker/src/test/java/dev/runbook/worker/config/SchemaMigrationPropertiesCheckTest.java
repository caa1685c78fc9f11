package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A bad schema-migration section refuses the worker's start, each problem by its property path. */
class SchemaMigrationPropertiesCheckTest {
  private static final String PATH = "runbook.environments.prod.schema-migration";

  @Test
  void anEmptySectionBindsTheSeedsDefaults() {
    MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
        "runbook.environments.prod.schema-migration.watch", "4h"));
    SchemaMigrationProperties s = new Binder(source).bind(PATH, SchemaMigrationProperties.class).get();

    assertThat(s.schemas()).containsExactly("platform");
    assertThat(s.migrations()).isEqualTo(Path.of("platform-migrations"));
    assertThat(SchemaMigrationPropertiesCheck.window(s.window()).toString()).isEqualTo("02:00-04:00 UTC");
    assertThat(s.window().margin()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(problems(s, URI.create("http://127.0.0.1:7300"))).isEmpty();
  }

  @Test
  void everyProblemIsNamedByItsPropertyPath() {
    SchemaMigrationProperties bad = new SchemaMigrationProperties(
        new LessonDatabaseProperties("jdbc:mysql://db/platform", " ", null), List.of("platform", "runbook", "Bad-Name"),
        null, new SchemaMigrationProperties.WindowProperties("2am", "04:00", Duration.ofMinutes(-1)), null,
        Duration.ZERO, 0, null, List.of(" "), false);

    assertThat(problems(bad, null)).containsExactly(
        PATH + ".schemas[1]: 'runbook' is the runbook's own schema (registry, audit, write capture); a restore must"
            + " never rewind it",
        PATH + ".schemas[2] 'Bad-Name' is not a plain lower-case identifier",
        PATH + ".migrations: name the folder of the target's Flyway migrations, e.g. platform-migrations",
        PATH + ".database.url must be jdbc:postgresql://host[:port]/database, was 'jdbc:mysql://db/platform'",
        PATH + ".database.username is required once database is set",
        PATH + ".window: low-traffic window needs opens and closes as HH:MM in UTC, e.g. 02:00 and 04:00 (got 2am"
            + " and 04:00)",
        PATH + ".window.margin must not be negative, was PT-1M",
        PATH + ".maintenance-url is required (the platform's admin API that switches maintenance mode) unless"
            + " runbook.sandbox-url is set",
        PATH + ".lock-timeout must be a positive duration like 5s or 4h, was PT0S",
        PATH + ".watch must be a positive duration like 5s or 4h, was null",
        PATH + ".migrate-attempts must be at least 1, was 0",
        PATH + ".validation-queries[0] is empty (one query answering one boolean row)");
  }

  @Test
  void aTargetDatabaseUrlIsReadLikePgjdbcReadsIt() {
    assertThat(SchemaMigrationTargets.parse("jdbc:postgresql://127.0.0.1:54329/postgres?sslmode=disable"))
        .isEqualTo(new SchemaMigrationTargets.Address("127.0.0.1", 54329, "postgres"));
    assertThat(SchemaMigrationTargets.parse("jdbc:postgresql://db.internal/learning"))
        .isEqualTo(new SchemaMigrationTargets.Address("db.internal", 5432, "learning"));
    assertThat(SchemaMigrationTargets.parse("jdbc:postgresql://a:5432,b:5432/learning")).isNull();
    assertThat(SchemaMigrationTargets.parse("postgres://db/learning")).isNull();
  }

  private static List<String> problems(SchemaMigrationProperties s, URI sandbox) {
    List<String> problems = new ArrayList<>();
    RunbookProperties p = new RunbookProperties("runbook", false, sandbox, null, null, null, Map.of(), Map.of());
    SchemaMigrationPropertiesCheck.check(PATH, s, p, problems);
    return problems;
  }
}
