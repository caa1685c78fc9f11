package dev.runbook.starter.deploy;

import static dev.runbook.starter.deploy.ResolvedCompose.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.starter.deploy.ComposeModel.Service;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compose cluster's Postgres initialisation, run on a real Postgres the way the postgres
 * image runs it: the image creates POSTGRES_USER as superuser and POSTGRES_DB, then runs
 * /docker-entrypoint-initdb.d with ON_ERROR_STOP as that user. Afterwards every database the
 * cluster connects to exists and the worker's user may create its schemas there.
 */
class PostgresInitTest {
  private final ComposeModel compose = ResolvedCompose.get();

  @Test
  void theInitScriptCreatesEveryDatabaseTheClusterUsesOnTopOfWhatTheImageCreates() throws Exception {
    Service postgres = compose.service("postgres");
    Path script = REPO.resolve("deploy/postgres/init-databases.sql");
    assertThat(ComposeModel.bindOf(postgres, script).target()).startsWith("/docker-entrypoint-initdb.d/");
    String superuser = postgres.environment().get("POSTGRES_USER");
    String imageDb = postgres.environment().getOrDefault("POSTGRES_DB", superuser);
    Map<String, String> worker = compose.service("worker").environment();
    String runbookDb = worker.get("RUNBOOK_DB_URL").replaceFirst(".*/", "");

    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
        s.execute("CREATE ROLE " + superuser + " SUPERUSER LOGIN");
        s.execute("CREATE DATABASE " + imageDb + " OWNER " + superuser);
      }
      try (Connection asImage = connect(pg, imageDb, superuser); Statement s = asImage.createStatement()) {
        for (String statement : statements(Files.readString(script))) {
          s.execute(statement); // a failure here would stop the container's first start
        }
      }
      List<String> databases = new ArrayList<>();
      try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement();
          ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
        while (rs.next()) {
          databases.add(rs.getString(1));
        }
      }
      assertThat(databases).contains(imageDb, runbookDb).containsAll(temporalDatabases());
      try (Connection asWorker = connect(pg, runbookDb, worker.get("RUNBOOK_DB_USER"));
          Statement s = asWorker.createStatement()) {
        s.execute("CREATE SCHEMA runbook_probe"); // what Flyway's create-schemas does at worker start
        s.execute("DROP SCHEMA runbook_probe");
      }
    }
  }

  /** The databases the schema job sets up (`setup <database> <dir>` in setup-schema.sh). */
  private static List<String> temporalDatabases() throws Exception {
    Matcher setup = Pattern.compile("(?m)^setup (\\S+) \\S+$")
        .matcher(Files.readString(REPO.resolve("deploy/temporal/setup-schema.sh")));
    List<String> names = new ArrayList<>();
    while (setup.find()) {
      names.add(setup.group(1));
    }
    assertThat(names).containsExactly("temporal", "temporal_visibility");
    return names;
  }

  private static Connection connect(EmbeddedPostgres pg, String database, String user) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database, user, "");
  }

  /** The SQL statements of a file without its `--` comments (CREATE DATABASE cannot share a transaction). */
  private static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    for (String statement : sql.replaceAll("(?m)--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return out;
  }
}
