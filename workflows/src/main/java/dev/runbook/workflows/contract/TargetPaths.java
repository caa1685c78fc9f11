package dev.runbook.workflows.contract;

import java.util.List;

/**
 * Names of lockable targets as hierarchical paths, so one prefix rule decides every conflict:
 * <pre>
 *   env/&lt;environment&gt;/db/&lt;database&gt;                      a database (schema restore, migration)
 *   env/&lt;environment&gt;/db/&lt;database&gt;/service/&lt;name&gt;       a service whose data lives in it
 *   env/&lt;environment&gt;/db/&lt;database&gt;/lesson/&lt;id&gt;         a lesson stored in it
 *   env/&lt;environment&gt;/db/&lt;database&gt;/table/&lt;name&gt;       a table rewritten row by row (progress migration)
 *   platform/&lt;name&gt;                                    a whole platform (multi-platform deploy)
 * </pre>
 * Services and lessons sit under their database because a restore of that database would undo
 * what they published meanwhile. Each environment has one database today, {@value #PLATFORM_DB}.
 * Pure and deterministic: usable from workflows and activities alike.
 */
public final class TargetPaths {
  /** The one database of an environment today (lessons, progress, flags, service data). */
  public static final String PLATFORM_DB = "platform";
  private static final String SEP = "/";

  private TargetPaths() {}

  public static String service(String environment, String service) {
    return service(environment, PLATFORM_DB, service);
  }

  public static String service(String environment, String database, String service) {
    return database(environment, database) + SEP + "service" + SEP + segment("service", service);
  }

  public static String lesson(String environment, String lessonId) {
    return lesson(environment, PLATFORM_DB, lessonId);
  }

  public static String lesson(String environment, String database, String lessonId) {
    return database(environment, database) + SEP + "lesson" + SEP + segment("lesson", lessonId);
  }

  /** A table of the environment's database that one run rewrites row by row (a progress migration). */
  public static String table(String environment, String table) {
    return database(environment, PLATFORM_DB) + SEP + "table" + SEP + segment("table", table);
  }

  public static String database(String environment, String database) {
    return "env" + SEP + segment("environment", environment) + SEP + "db" + SEP + segment("database", database);
  }

  public static String platform(String name) {
    return "platform" + SEP + segment("platform", name);
  }

  /** True when one path equals the other or contains it (segment-wise: {@code a/b} covers {@code a/b/c}, not {@code a/bc}). */
  public static boolean conflict(String a, String b) {
    return a.equals(b) || a.startsWith(b + SEP) || b.startsWith(a + SEP);
  }

  /** A path of non-empty segments without spaces, as the builders above produce. */
  public static boolean isValid(String path) {
    if (path == null || path.isEmpty() || path.startsWith(SEP) || path.endsWith(SEP)) {
      return false;
    }
    for (String s : path.split(SEP, -1)) {
      if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
    }
    return true;
  }

  /** For people: "learning-api in local", "lesson stock_basics_001 in local", "database platform in local". */
  public static String describe(String path) {
    List<String> s = List.of(path.split(SEP, -1));
    if (s.size() == 6 && s.get(0).equals("env") && s.get(2).equals("db")) {
      String db = s.get(3).equals(PLATFORM_DB) ? "" : " (database " + s.get(3) + ")";
      return (s.get(4).equals("service") ? "" : s.get(4) + " ") + s.get(5) + " in " + s.get(1) + db;
    }
    if (s.size() == 4 && s.get(0).equals("env") && s.get(2).equals("db")) {
      return "database " + s.get(3) + " in " + s.get(1);
    }
    if (s.size() == 2 && s.get(0).equals("platform")) {
      return "platform " + s.get(1);
    }
    return path;
  }

  private static String segment(String what, String value) {
    if (value == null || value.isBlank() || value.contains(SEP) || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(what + " must be a non-empty name without '/' or spaces: '" + value + "'");
    }
    return value;
  }
}
