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
 * Learners' progress documents in {@code user_progress} (jsonb). Every write is compare-and-set on
 * the row's {@code revision} (platform migration V2): it lands only if nobody wrote the document
 * since it was read, otherwise {@link #update} reads it again and redoes the change. Another session
 * or the progress migration writing the same document concurrently therefore never loses XP (a
 * whole-document upsert would keep the last writer's copy and drop the other's points).
 */
public final class ProgressStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};
  /** Learner ids the sandbox creates: {@code learner-000001}. */
  public static final String LEARNER_ID_FORMAT = "learner-%06d";
  /** Lost races in a row before giving up; each loss means another writer made progress. */
  static final int MAX_ATTEMPTS = 20;
  /** Lost races before the read takes the row's lock (see {@link #update}). */
  static final int OPTIMISTIC_ATTEMPTS = 3;

  private final PlatformDb db;

  public ProgressStore(PlatformDb db) {
    this.db = db;
  }

  /** A stored document and the revision it was read at. */
  public record Stored(Map<String, Object> document, long revision) {}

  /**
   * What a change decided about the document it was shown.
   *
   * @param document what to write, or null to write nothing
   * @param result what {@link #update} returns once this change is the one that landed
   */
  public record Change<T>(Map<String, Object> document, T result) {}

  /** Decides a {@link Change} from the document as read (empty: the learner has none yet). */
  @FunctionalInterface
  public interface Changer<T> {
    Change<T> decide(Optional<Map<String, Object>> stored) throws SQLException;
  }

  /**
   * Reads the learner's document, asks {@code change} what to write, and writes it only if the
   * document was not written meanwhile; if it was, does all of it again on the fresh copy.
   * {@code change} may run several times and must not have effects of its own.
   *
   * <p>After {@link #OPTIMISTIC_ATTEMPTS} lost races the read takes the row's lock ({@code for
   * update}) until the write: optimism alone can starve a writer whose document another writer
   * keeps changing (two tight writers on one learner lost 20 races in a row under load), while a
   * locked read cannot lose, as every other writer's compare-and-set waits on the lock and then
   * retries on the fresh revision.
   */
  public <T> T update(Connection c, String userId, Changer<T> change)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Landed<T> landed = attempt <= OPTIMISTIC_ATTEMPTS
          ? attempt(c, userId, change, false)
          : lockedAttempt(c, userId, change);
      if (landed != null) {
        return landed.result();
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new SQLException("progress of " + userId + " changed under " + MAX_ATTEMPTS
            + " writes in a row; nothing was written", "40001");
      }
    }
  }

  /** What a change answered once it landed (its result may be null). */
  private record Landed<T>(T result) {}

  /** One read-decide-write; null if another writer got there first. */
  private <T> Landed<T> attempt(Connection c, String userId, Changer<T> change, boolean lock) throws SQLException {
    Optional<Stored> stored = read(c, userId, lock);
    Change<T> decided = change.decide(stored.map(Stored::document));
    if (decided.document() == null || write(c, userId, decided.document(), stored.map(Stored::revision))) {
      return new Landed<>(decided.result());
    }
    return null;
  }

  /**
   * {@link #attempt} holding the row's lock from the read to the write: in a transaction of its own
   * when {@code c} is in auto-commit, else inside the caller's (which then holds the lock until it
   * commits). Only a first write can still lose, to another first write of the same learner.
   */
  private <T> Landed<T> lockedAttempt(Connection c, String userId, Changer<T> change) throws SQLException {
    if (!c.getAutoCommit()) {
      return attempt(c, userId, change, true);
    }
    c.setAutoCommit(false);
    try {
      Landed<T> landed = attempt(c, userId, change, true);
      c.commit();
      return landed;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The stored document as a JSON tree with its revision, if the learner has one. */
  public Optional<Stored> read(Connection c, String userId) throws SQLException {
    return read(c, userId, false);
  }

  private Optional<Stored> read(Connection c, String userId, boolean lock) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select document::text, revision from "
        + db.table("user_progress") + " where user_id = ?" + (lock ? " for update" : ""))) {
      s.setString(1, userId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(new Stored(JSON.readValue(rs.getString(1), TREE), rs.getLong(2)));
        } catch (JsonProcessingException e) {
          throw new SQLException("user_progress of " + userId + " is not a JSON object: " + e.getOriginalMessage(), e);
        }
      }
    }
  }

  /**
   * Writes the whole document if the row is still at {@code readRevision} (absent: if there is still
   * no row), bumping the revision; false if another writer got there first.
   */
  public boolean write(Connection c, String userId, Map<String, Object> document, Optional<Long> readRevision)
      throws SQLException {
    String json;
    try {
      json = JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("progress document of " + userId + " cannot be written as JSON", e);
    }
    String sql = readRevision.isPresent()
        ? "update " + db.table("user_progress") + " set document = ?::jsonb, revision = revision + 1,"
            + " updated_at = now() where user_id = ? and revision = ?"
        : "insert into " + db.table("user_progress") + " (document, user_id, revision, updated_at)"
            + " values (?::jsonb, ?, 0, now()) on conflict (user_id) do nothing";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, json);
      s.setString(2, userId);
      if (readRevision.isPresent()) {
        s.setLong(3, readRevision.get());
      }
      return s.executeUpdate() == 1;
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
