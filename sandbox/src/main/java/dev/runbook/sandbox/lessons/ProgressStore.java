package dev.runbook.sandbox.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Learners' progress documents in {@code user_progress} (jsonb). One read and at most one upsert
 * per session, on the session thread only, so two sessions never interleave on one document.
 */
public final class ProgressStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};
  /** Learner ids the sandbox creates: {@code learner-000001}. */
  public static final String LEARNER_ID_FORMAT = "learner-%06d";

  private final PlatformDb db;

  public ProgressStore(PlatformDb db) {
    this.db = db;
  }

  /** The stored document as a JSON tree, if the learner has one. */
  public Optional<Map<String, Object>> read(Connection c, String userId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "select document::text from " + db.table("user_progress") + " where user_id = ?")) {
      s.setString(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(JSON.readValue(rs.getString(1), TREE));
        } catch (JsonProcessingException e) {
          throw new SQLException("user_progress of " + userId + " is not a JSON object: " + e.getOriginalMessage(), e);
        }
      }
    }
  }

  /** Writes the whole document in one statement. */
  public void upsert(Connection c, String userId, Map<String, Object> document) throws SQLException {
    String json;
    try {
      json = JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("progress document of " + userId + " cannot be written as JSON", e);
    }
    try (PreparedStatement s = c.prepareStatement("insert into " + db.table("user_progress")
        + " (user_id, document, updated_at) values (?, ?::jsonb, now())"
        + " on conflict (user_id) do update set document = excluded.document, updated_at = excluded.updated_at")) {
      s.setString(1, userId);
      s.setString(2, json);
      s.executeUpdate();
    }
  }

  /** The highest N of the {@code learner-NNNNNN} ids already stored, 0 if none: a restart continues the count. */
  public int highestLearnerNumber(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select coalesce(max(substring(user_id from 9)::int), 0) from "
        + db.table("user_progress") + " where user_id ~ '^learner-[0-9]{6}$'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  public static String learnerId(int number) {
    return String.format(LEARNER_ID_FORMAT, number);
  }
}
