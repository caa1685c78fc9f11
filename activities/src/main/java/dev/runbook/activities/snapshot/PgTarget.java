package dev.runbook.activities.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A target database as an environment's configuration names it: where it is, who connects, and
 * the schemas the target owns (the only ones a snapshot dumps and a restore replaces). The
 * password travels to the tools in PGPASSWORD, never on a command line or in a record.
 */
public record PgTarget(String host, int port, String database, String user, String password, List<String> schemas) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  public PgTarget {
    schemas = List.copyOf(schemas);
    if (schemas.isEmpty()) {
      throw new IllegalArgumentException("a snapshot target must own at least one schema");
    }
    for (String schema : schemas) {
      // the names reach DROP SCHEMA: only plain lower-case identifiers, never quoting games
      if (!IDENTIFIER.matcher(schema).matches()) {
        throw new IllegalArgumentException("owned schema '" + schema + "' is not a plain identifier ([a-z_][a-z0-9_]*)");
      }
    }
  }

  /** The connection options every tool takes, in argv form. */
  List<String> connectionArgs(String databaseName) {
    return new ArrayList<>(List.of("--host=" + host, "--port=" + port, "--username=" + user,
        "--dbname=" + databaseName, "--no-password"));
  }

  void applyTo(Map<String, String> environment) {
    if (password != null) {
      environment.put("PGPASSWORD", password);
    }
  }

  DataSource dataSource(String databaseName) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {host});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(databaseName);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setConnectTimeout(10);
    return ds;
  }
}
