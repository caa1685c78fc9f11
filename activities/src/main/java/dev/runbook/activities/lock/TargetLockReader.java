package dev.runbook.activities.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads what is held, for operators. It shows rows as stored: a holder whose run has closed stays
 * listed until the next acquirer that meets it releases it.
 */
public class TargetLockReader {
  private final DataSource dataSource;

  public TargetLockReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Held targets, ordered by target path (so a database sits just before what it covers). */
  public List<HeldLock> held() {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
        SELECT l.target, h.workflow_id, h.run_id, h.procedure, h.requested_by, h.since, h.preemptible,
               h.parent_workflow_id
        FROM runbook.target_locks l
        JOIN runbook.lock_holders h ON h.workflow_id = l.workflow_id AND h.run_id = l.run_id
        ORDER BY l.target, h.since
        """); ResultSet rs = ps.executeQuery()) {
      List<HeldLock> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new HeldLock(rs.getString("target"), rs.getString("workflow_id"), rs.getString("run_id"),
            rs.getString("procedure"), rs.getString("requested_by"),
            rs.getObject("since", OffsetDateTime.class).toInstant(), rs.getBoolean("preemptible"),
            rs.getString("parent_workflow_id")));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the target locks: " + e.getMessage(), e);
    }
  }
}
