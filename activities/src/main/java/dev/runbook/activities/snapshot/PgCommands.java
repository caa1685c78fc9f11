package dev.runbook.activities.snapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The argv of every tool run against a target: dump, restore into a scratch database, and restore
 * over the live schemas. The live restore is {@code pg_restore --file=-} (the dump as SQL) piped
 * into {@code psql --single-transaction} that first drops the owned schemas: the drop and the
 * restore commit together or not at all, so a failure or a crash never leaves the live database
 * without its schemas. Before the drop, inside the same transaction, a guard refuses when an
 * object of another schema depends on an owned one (a view, a foreign key): CASCADE would drop it,
 * and other schemas are never touched.
 */
final class PgCommands {
  /** How long a drop or a dump waits for a table lock before failing (and being retried). */
  static final String LOCK_TIMEOUT = "30s";

  private final PgClientTools tools;
  private final PgTarget target;

  PgCommands(PgClientTools tools, PgTarget target) {
    this.tools = tools;
    this.target = target;
  }

  List<String> dump(Path file) {
    List<String> argv = new ArrayList<>(List.of(tools.pgDump().toString(), "--format=custom",
        "--lock-wait-timeout=" + LOCK_TIMEOUT, "--file=" + file));
    for (String schema : target.schemas()) {
      argv.add("--schema=" + schema);
    }
    argv.addAll(target.connectionArgs(target.database()));
    return argv;
  }

  List<String> restoreInto(String database, Path file) {
    List<String> argv = new ArrayList<>(List.of(tools.pgRestore().toString(), "--single-transaction",
        "--exit-on-error", "--no-owner", "--no-privileges"));
    argv.addAll(target.connectionArgs(database));
    argv.add(file.toString());
    return argv;
  }

  /** {@code pg_restore --file=- DUMP | psql --single-transaction ... -c DROP ... -f -}. */
  List<List<String>> restoreOverLive(Path file) {
    List<String> script = List.of(tools.pgRestore().toString(), "--file=-", file.toString());
    List<String> psql = new ArrayList<>(List.of(tools.psql().toString(), "--single-transaction",
        "--set=ON_ERROR_STOP=1", "--quiet", "--no-psqlrc"));
    psql.addAll(target.connectionArgs(target.database()));
    psql.add("--command=" + guard());
    for (String schema : target.schemas()) {
      psql.add("--command=DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    psql.add("--file=-");
    return List.of(script, psql);
  }

  /** Marks the guard's refusal in psql's error output: a refusal is for a person, not a retry. */
  static final String REFUSAL_MARKER = "runbook-restore-refused";

  /**
   * Objects outside the owned schemas that depend on objects inside them. A view's rule, a column
   * default and a trigger have no schema of their own: theirs is their table's.
   */
  private String guard() {
    String owned = target.schemas().stream().map(s -> "'" + s + "'").collect(Collectors.joining(","));
    String ownerOf = "CASE d.classid"
        + " WHEN 'pg_rewrite'::regclass THEN (SELECT c.relnamespace::regnamespace::text FROM pg_rewrite w"
        + " JOIN pg_class c ON c.oid = w.ev_class WHERE w.oid = d.objid)"
        + " WHEN 'pg_attrdef'::regclass THEN (SELECT c.relnamespace::regnamespace::text FROM pg_attrdef a"
        + " JOIN pg_class c ON c.oid = a.adrelid WHERE a.oid = d.objid)"
        + " WHEN 'pg_trigger'::regclass THEN (SELECT c.relnamespace::regnamespace::text FROM pg_trigger t"
        + " JOIN pg_class c ON c.oid = t.tgrelid WHERE t.oid = d.objid) END";
    return "DO $guard$ DECLARE dependents text; BEGIN"
        + " SELECT string_agg(DISTINCT o.identity, ', ') INTO dependents"
        + " FROM pg_depend d, pg_identify_object(d.classid, d.objid, d.objsubid) o,"
        + " pg_identify_object(d.refclassid, d.refobjid, d.refobjsubid) r"
        + " WHERE d.deptype = 'n' AND r.schema IN (" + owned + ")"
        + " AND COALESCE(o.schema, " + ownerOf + ") NOT IN (" + owned + ");"
        + " IF dependents IS NOT NULL THEN RAISE EXCEPTION '" + REFUSAL_MARKER
        + ": objects outside the owned schemas depend on them and DROP SCHEMA CASCADE would drop them: %',"
        + " dependents; END IF; END $guard$";
  }

  /** The environment of every run: the password, the unpacked libpq, a bounded lock wait. */
  Consumer<Map<String, String>> environment() {
    return env -> {
      target.applyTo(env);
      tools.applyTo(env);
      env.put("PGOPTIONS", "-c lock_timeout=" + LOCK_TIMEOUT);
      env.put("PGCONNECT_TIMEOUT", "10");
    };
  }

  /** What a person types to do the live restore by hand (PGPASSWORD set, or ~/.pgpass). */
  String restoreCommandText(Path file) {
    return restoreOverLive(file).stream().map(PgCommands::shellWords).collect(Collectors.joining(" | "));
  }

  private static String shellWords(List<String> argv) {
    return argv.stream().map(PgCommands::quote).collect(Collectors.joining(" "));
  }

  private static String quote(String word) {
    return word.matches("[A-Za-z0-9_./=:@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
