package dev.runbook.activities.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The batch ledger ({@code platform.progress_migration_batches}, platform migration V3). */
final class ProgressLedger {
  static final String TABLE = "platform.progress_migration_batches";

  private ProgressLedger() {}

  /**
   * Claims batch {@code batchNo} of {@code runKey} inside the batch's transaction; false if it is
   * already applied (or being applied: the insert waits for that transaction and then finds the row).
   */
  static boolean claim(Connection c, String runKey, int batchNo, String firstUserId, String lastUserId)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("insert into " + TABLE
        + " (run_key, batch_no, first_user_id, last_user_id) values (?, ?, ?, ?) on conflict do nothing")) {
      s.setString(1, runKey);
      s.setInt(2, batchNo);
      s.setString(3, firstUserId);
      s.setString(4, lastUserId);
      return s.executeUpdate() == 1;
    }
  }

  static void count(Connection c, String runKey, int batchNo, long migrated, long current, long lost)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("update " + TABLE
        + " set migrated = ?, already_current = ?, lost_races = ? where run_key = ? and batch_no = ?")) {
      s.setLong(1, migrated);
      s.setLong(2, current);
      s.setLong(3, lost);
      s.setString(4, runKey);
      s.setInt(5, batchNo);
      s.executeUpdate();
    }
  }

  /** What the ledger says {@code runKey} applied: the sums and the last batch's cursor. */
  static Optional<ProgressCheckpoint> latest(Connection c, String runKey) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select max(batch_no),"
        + " (array_agg(last_user_id order by batch_no desc))[1], sum(migrated), sum(already_current),"
        + " sum(lost_races) from " + TABLE + " where run_key = ?")) {
      s.setString(1, runKey);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next() || rs.getObject(1) == null) {
          return Optional.empty();
        }
        return Optional.of(new ProgressCheckpoint(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5)));
      }
    }
  }
}
