package dev.runbook.activities.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.lessons.progress.MigrationResult;
import dev.runbook.lessons.progress.ProgressMigrationException;
import dev.runbook.lessons.progress.ProgressMigrations;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One batch, inside the caller's transaction: the next {@code size} documents after the cursor
 * (keyset on user_id), migrated in memory, written back compare-and-set on their revision in one
 * statement. A document a learner wrote after our read is not written; it is read again and
 * migrated from the learner's version, so the learner's write stays (and the row lock our update
 * holds makes a learner's concurrent write wait for us and then retry on our result).
 */
final class ProgressBatch {
  /** Lost races in a row on one batch before the batch gives up (and is retried as a whole). */
  static final int MAX_ROUNDS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};
  private static final String TABLE = "platform.user_progress";

  record Row(String userId, String document, long revision) {}

  /** What the batch did; {@code lastUserId} is null when there was nothing after the cursor. */
  record Outcome(String firstUserId, String lastUserId, long migrated, long alreadyCurrent, long lostRaces) {}

  /** A document no registered step can read: the pass stops, nothing of this batch is written. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ProgressMigrations migrations;

  ProgressBatch(ProgressMigrations migrations) {
    this.migrations = migrations;
  }

  /** The user ids of the next batch, in order (empty at the end of the table). */
  List<Row> read(Connection c, String afterUserId, int size) throws SQLException {
    String sql = "select user_id, document::text, revision from " + TABLE
        + (afterUserId == null ? "" : " where user_id > ?") + " order by user_id limit ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int i = 1;
      if (afterUserId != null) {
        s.setString(i++, afterUserId);
      }
      s.setInt(i, size);
      return rows(s);
    }
  }

  /**
   * A batch as read and migrated in memory, before anything is written: the rows as read, the
   * documents to write (at the revision they were read at) and how many needed nothing.
   */
  record Prepared(List<Row> rows, List<Row> writes, long alreadyCurrent) {
    String lastUserId() {
      return rows.isEmpty() ? null : rows.get(rows.size() - 1).userId();
    }
  }

  /** Migrates {@code rows} in memory (no database work: it may run beside another batch's writes). */
  Prepared prepare(List<Row> rows) {
    List<Row> writes = new ArrayList<>();
    long current = 0;
    for (Row row : rows) {
      String migratedJson = migrate(row);
      if (migratedJson == null) {
        current++;
      } else {
        writes.add(new Row(row.userId(), migratedJson, row.revision()));
      }
    }
    return new Prepared(rows, writes, current);
  }

  /** Migrates and writes {@code rows}; returns counts (first/last from the rows as read). */
  Outcome apply(Connection c, List<Row> rows) throws SQLException {
    return apply(c, prepare(rows));
  }

  /**
   * Writes a prepared batch compare-and-set; documents written by a learner since they were read
   * are read again, migrated again and written again, until none is left.
   */
  Outcome apply(Connection c, Prepared batch) throws SQLException {
    long migrated = 0;
    long current = batch.alreadyCurrent();
    long lost = 0;
    Prepared pending = batch;
    for (int round = 1; ; round++) {
      Set<String> written = write(c, pending.writes());
      migrated += written.size();
      List<String> lostIds = pending.writes().stream().map(Row::userId).filter(id -> !written.contains(id)).toList();
      if (lostIds.isEmpty()) {
        break;
      }
      if (round == MAX_ROUNDS) {
        throw new SQLException(lostIds.size() + " document(s) kept changing under the migration for "
            + MAX_ROUNDS + " rounds; the batch is retried", "40001");
      }
      lost += lostIds.size();
      pending = prepare(reread(c, lostIds));
      current += pending.alreadyCurrent();
    }
    List<Row> rows = batch.rows();
    return new Outcome(rows.get(0).userId(), rows.get(rows.size() - 1).userId(), migrated, current, lost);
  }

  /** The document in the current schema as JSON, or null when it is already current. */
  private String migrate(Row row) {
    try {
      MigrationResult result = migrations.migrate(JSON.readValue(row.document(), TREE));
      return result.migrated() ? JSON.writeValueAsString(result.document()) : null;
    } catch (JsonProcessingException e) {
      throw new Unreadable("user " + row.userId() + ": progress document is not a JSON object: "
          + e.getOriginalMessage(), e);
    } catch (ProgressMigrationException e) {
      throw new Unreadable(e.getMessage(), e);
    }
  }

  /** Compare-and-set of every write in one statement; the user ids whose revision still matched. */
  private static Set<String> write(Connection c, List<Row> writes) throws SQLException {
    if (writes.isEmpty()) {
      return Set.of();
    }
    String[] ids = new String[writes.size()];
    String[] docs = new String[writes.size()];
    Long[] revisions = new Long[writes.size()];
    for (int i = 0; i < writes.size(); i++) {
      ids[i] = writes.get(i).userId();
      docs[i] = writes.get(i).document();
      revisions[i] = writes.get(i).revision();
    }
    Array idArray = c.createArrayOf("text", ids);
    Array docArray = c.createArrayOf("text", docs);
    Array revArray = c.createArrayOf("bigint", revisions);
    try (PreparedStatement s = c.prepareStatement("update " + TABLE + " t set document = v.doc::jsonb,"
        + " revision = t.revision + 1, updated_at = now()"
        + " from unnest(?::text[], ?::text[], ?::bigint[]) as v(user_id, doc, rev)"
        + " where t.user_id = v.user_id and t.revision = v.rev returning t.user_id")) {
      s.setArray(1, idArray);
      s.setArray(2, docArray);
      s.setArray(3, revArray);
      Set<String> done = new HashSet<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          done.add(rs.getString(1));
        }
      }
      return done;
    }
  }

  private static List<Row> reread(Connection c, List<String> ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select user_id, document::text, revision from " + TABLE
        + " where user_id = any(?) order by user_id")) {
      s.setArray(1, c.createArrayOf("text", ids.toArray(String[]::new)));
      return rows(s);
    }
  }

  private static List<Row> rows(PreparedStatement s) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3)));
      }
    }
    return rows;
  }

}
