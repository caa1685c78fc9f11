package dev.runbook.lessons.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A schema's versions as people name them ({@code 1.1}) mapped to the Flyway version of the last
 * migration each includes ({@code 4}), read from {@value #FILE} beside the migrations. Flyway orders
 * versions numerically, so a release name such as 1.1 cannot be a file name once V2 exists; the
 * files keep counting and the release names live here. A version that is not named here is taken
 * as a Flyway version as it is.
 */
public record SchemaVersions(Map<String, String> byName) {
  public static final String FILE = "schema-versions.properties";
  public static final SchemaVersions NONE = new SchemaVersions(Map.of());

  public SchemaVersions {
    byName = Map.copyOf(byName);
  }

  /** The names in {@code folder}/{@value #FILE}; none when the folder has no such file. */
  public static SchemaVersions in(Path folder) {
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The names of the platform's own schema, from the lessons jar ({@code db/platform}). Missing is
   * a build fault, never "no names": read as a Flyway version, "1.0" would stop the platform's
   * deploy after V1 and leave every later table out (the e2e stack ran without the revision column).
   */
  public static SchemaVersions platform() {
    try (InputStream in = SchemaVersions.class.getResourceAsStream("/db/platform/" + FILE)) {
      if (in == null) {
        throw new IllegalStateException("db/platform/" + FILE + " is not on the classpath: the lessons jar"
            + " must carry platform-migrations/" + FILE + " beside the migrations");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read db/platform/" + FILE, e);
    }
  }

  static SchemaVersions read(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    Map<String, String> names = new TreeMap<>();
    p.stringPropertyNames().forEach(name -> names.put(name.trim(), p.getProperty(name).trim()));
    return new SchemaVersions(names);
  }

  /** The Flyway version {@code version} stands for: its mapping, or itself. */
  public String flywayVersion(String version) {
    return version == null ? null : byName.getOrDefault(version.trim(), version.trim());
  }

  /** {@code 1.1 (Flyway 4)} for a named version, the version alone otherwise. */
  public String describe(String version) {
    String flyway = flywayVersion(version);
    return flyway == null || flyway.equals(version) ? version : version + " (Flyway " + flyway + ")";
  }
}
