package dev.runbook.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.sandbox.lessons.LearnerOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The platform lesson store in a real Postgres: one embedded server for the whole test JVM (it
 * takes seconds to start), one freshly migrated schema per test, written with the same SQL a
 * lesson-update runbook would issue.
 */
final class PlatformStoreFixture {

  /** The shipped lesson files, read as files: tests serve exactly what authors publish. */
  static final Path CONTENT = Path.of("../lessons/content");

  private static EmbeddedPostgres postgres;

  final String schema;

  private PlatformStoreFixture(String schema) {
    this.schema = schema;
  }

  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // the JVM is going away anyway
        }
      }));
    }
    return postgres;
  }

  static DataSource dataSource() {
    return postgres().getPostgresDatabase();
  }

  static String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres().getPort() + "/postgres";
  }

  /** Drops {@code schema} if a previous test left it, then migrates it as the worker does. */
  static PlatformStoreFixture migrated(String schema) throws SQLException {
    return notMigrated(schema).migrate();
  }

  /** {@code schema} does not exist (yet): the state before the worker's first start. */
  static PlatformStoreFixture notMigrated(String schema) throws SQLException {
    execute("drop schema if exists " + schema + " cascade");
    return new PlatformStoreFixture(schema);
  }

  /** Runs the platform migration (lessons module, {@code classpath:db/platform}) into this schema. */
  PlatformStoreFixture migrate() {
    Flyway.configure().dataSource(dataSource()).locations("classpath:db/platform").schemas(schema)
        .defaultSchema(schema).createSchemas(true).load().migrate();
    return this;
  }

  /** Learners at {@code rate} sessions per second against this schema. */
  LearnerOptions learners(int rate) {
    return LearnerOptions.off().withDb(jdbcUrl(), "postgres", "", schema).withSessionsPerSecond(rate);
  }

  static String lessonFile(String name) {
    try {
      return Files.readString(CONTENT.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores a version (content as given, checked to be a valid lesson first). */
  Lesson store(String yaml, String changeKind) throws SQLException {
    Lesson lesson = LessonValidator.validate("fixture.yaml", yaml).requireValid();
    update("insert into " + schema + ".lesson_versions (lesson_id, version, major, minor, patch, title, content_yaml,"
        + " checksum, change_kind, stored_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')",
        lesson.id(), lesson.version().toString(), lesson.version().major(), lesson.version().minor(),
        lesson.version().patch(), lesson.title(), yaml, sha256(yaml), changeKind);
    return lesson;
  }

  void makeCurrent(String lessonId, String version) throws SQLException {
    update("insert into " + schema + ".lessons (lesson_id, current_version, updated_by) values (?, ?, 'test')"
        + " on conflict (lesson_id) do update set previous_version = lessons.current_version,"
        + " current_version = excluded.current_version, updated_at = now()", lessonId, version);
  }

  void setFlag(String name, String lessonId, String version, int percentage) throws SQLException {
    update("insert into " + schema + ".feature_flags (name, lesson_id, version, percentage, updated_by)"
        + " values (?, ?, ?, ?, 'test') on conflict (name) do update set percentage = excluded.percentage,"
        + " version = excluded.version, updated_at = now()", name, lessonId, version, percentage);
  }

  void removeFlag(String name) throws SQLException {
    update("delete from " + schema + ".feature_flags where name = ?", name);
  }

  void withdraw(String lessonId, String version) throws SQLException {
    update("update " + schema + ".lesson_versions set withdrawn_at = now(), withdrawn_reason = 'test'"
        + " where lesson_id = ? and version = ?", lessonId, version);
  }

  /** Every stored progress document by user id, as JSON trees. */
  Map<String, Map<String, Object>> progress() throws SQLException {
    Map<String, Map<String, Object>> docs = new TreeMap<>();
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select user_id, document::text from " + schema + ".user_progress")) {
      while (rs.next()) {
        docs.put(rs.getString(1), Http.JSON.readValue(rs.getString(2), new TypeReference<Map<String, Object>>() {}));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  /** A fingerprint of the whole table (rows, last write, content), to see whether anything was written. */
  String tableState() throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) || '/' || coalesce(max(updated_at)::text, '-') || '/'"
            + " || coalesce(md5(string_agg(user_id || document::text, ',' order by user_id)), '-') from "
            + schema + ".user_progress")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void update(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  static void execute(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
