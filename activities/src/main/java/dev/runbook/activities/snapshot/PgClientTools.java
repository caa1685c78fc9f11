package dev.runbook.activities.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Postgres's own client tools (pg_dump, pg_restore and psql, from one directory) of a major version
 * that can read the server: pg_dump refuses a server newer than itself, so the client's major must
 * be at least the server's. {@code libraryPath} is set only for a tree unpacked from Debian's
 * packages ({@code dpkg -x}), whose libpq is beside the tools rather than installed on the machine.
 */
public record PgClientTools(Path pgDump, Path pgRestore, Path psql, int major, String version, String libraryPath) {
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");

  /** Where to look, in order: a configured directory (may be null), PATH, then Debian's per-version dirs. */
  public record Search(Path configuredDir, String path, Path debianRoot) {
    public static Search machine(Path configuredDir) {
      return new Search(configuredDir, System.getenv().getOrDefault("PATH", ""), Path.of("/usr/lib/postgresql"));
    }
  }

  /** What a person must do is the message: install Debian's client package, or point at a directory. */
  public static final class Missing extends RuntimeException {
    Missing(String message) {
      super(message);
    }
  }

  /** The server's major version, from {@code SHOW server_version_num} (140019 → 14). */
  public static int serverMajor(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("SHOW server_version_num")) {
      rs.next();
      return Integer.parseInt(rs.getString(1).trim()) / 10000;
    }
  }

  /**
   * The first candidate directory with both tools whose major is at least {@code serverMajor}; a
   * configured directory that is unusable is an error of its own (never silently passed over).
   *
   * @throws Missing naming what was found, what is needed and Debian's package that provides it
   */
  public static PgClientTools locate(Search search, int serverMajor) {
    List<String> seen = new ArrayList<>();
    if (search.configuredDir() != null) {
      PgClientTools tools = inspect(search.configuredDir(), seen);
      if (tools == null) {
        throw new Missing("the configured Postgres client directory " + search.configuredDir()
            + " has no executable pg_dump, pg_restore and psql. " + howToInstall(serverMajor));
      }
      if (tools.major() < serverMajor) {
        throw tooOld(tools, serverMajor);
      }
      return tools;
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : search.path().split(":")) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir));
      }
    }
    candidates.addAll(debianVersionDirs(search.debianRoot()));
    PgClientTools newest = null;
    for (Path dir : candidates) {
      PgClientTools tools = inspect(dir, seen);
      if (tools != null && tools.major() >= serverMajor) {
        return tools;
      }
      if (tools != null && (newest == null || tools.major() > newest.major())) {
        newest = tools;
      }
    }
    if (newest != null) {
      throw tooOld(newest, serverMajor);
    }
    throw new Missing("pg_dump, pg_restore and psql are not installed (looked on PATH and in " + search.debianRoot()
        + "/*/bin" + (seen.isEmpty() ? "" : "; unusable: " + String.join("; ", seen)) + "). "
        + howToInstall(serverMajor));
  }

  /** The environment the tools run with: the unpacked libpq first when there is one. */
  public void applyTo(Map<String, String> environment) {
    if (libraryPath != null) {
      String old = environment.get("LD_LIBRARY_PATH");
      environment.put("LD_LIBRARY_PATH", old == null || old.isBlank() ? libraryPath : libraryPath + ":" + old);
    }
  }

  private static Missing tooOld(PgClientTools tools, int serverMajor) {
    return new Missing(tools.pgDump() + " is PostgreSQL " + tools.version() + " and cannot dump a PostgreSQL "
        + serverMajor + " server (pg_dump must be at least the server's major version). " + howToInstall(serverMajor));
  }

  static String howToInstall(int serverMajor) {
    return "Install Debian's postgresql-client-" + serverMajor + " or a later postgresql-client-N"
        + " (apt-get install postgresql-client; Debian 12 ships postgresql-client-15), or configure a"
        + " directory holding pg_dump, pg_restore and psql of that version";
  }

  private static List<Path> debianVersionDirs(Path root) {
    if (root == null || !Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> d.getFileName().toString().matches("\\d+"))
          .sorted(Comparator.comparingInt((Path d) -> Integer.parseInt(d.getFileName().toString())).reversed())
          .map(d -> d.resolve("bin"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The three tools in {@code dir} and the version pg_dump reports, or null. */
  private static PgClientTools inspect(Path dir, List<String> seen) {
    Path dump = dir.resolve("pg_dump");
    Path restore = dir.resolve("pg_restore");
    Path psql = dir.resolve("psql");
    if (!Files.isExecutable(dump) || !Files.isExecutable(restore) || !Files.isExecutable(psql)) {
      return null;
    }
    String libraryPath = unpackedLibpq(dir);
    String out = versionOf(dump, libraryPath);
    Matcher m = out == null ? null : VERSION.matcher(out);
    if (m == null || !m.find()) {
      seen.add(dump + ": " + out);
      return null;
    }
    String version = m.group(1) + (m.group(2) == null ? "" : "." + m.group(2));
    return new PgClientTools(dump, restore, psql, Integer.parseInt(m.group(1)), version, libraryPath);
  }

  /**
   * For {@code <root>/usr/lib/postgresql/N/bin} of an unpacked package tree (root not "/"), the
   * directory under {@code <root>/usr/lib} holding libpq.so.5; null for an installed client.
   */
  private static String unpackedLibpq(Path bin) {
    Path abs = bin.toAbsolutePath().normalize();
    if (abs.getNameCount() < 5 || !abs.getParent().getParent().getFileName().toString().equals("postgresql")) {
      return null;
    }
    Path usrLib = abs.getParent().getParent().getParent();
    if (usrLib.equals(Path.of("/usr/lib"))) {
      return null;
    }
    try (Stream<Path> dirs = Files.list(usrLib)) {
      return dirs.filter(d -> Files.exists(d.resolve("libpq.so.5"))).map(Path::toString).findFirst().orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static String versionOf(Path tool, String libraryPath) {
    try {
      ProcessBuilder builder = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true);
      if (libraryPath != null) {
        builder.environment().put("LD_LIBRARY_PATH", libraryPath);
      }
      Process p = builder.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "did not answer --version within 10 s";
      }
      return new String(out, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
