package dev.runbook.activities.registry;

import io.temporal.failure.ApplicationFailure;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How a database error becomes an activity failure: bad data and constraint violations (SQLSTATE
 * classes 22 and 23) cannot succeed on a retry, so they fail non-retryably; everything else
 * (connection lost, failover, lock timeout) is retried by Temporal.
 */
final class Sql {
  static final String DATA_REJECTED = "RegistryDataRejected";
  static final String UNAVAILABLE = "RegistryUnavailable";

  private Sql() {}

  static ApplicationFailure failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = "release registry could not " + what + " (SQLSTATE " + state + "): " + e.getMessage();
    if (state.startsWith("22") || state.startsWith("23")) {
      return ApplicationFailure.newNonRetryableFailure(message, DATA_REJECTED);
    }
    return ApplicationFailure.newFailure(message, UNAVAILABLE);
  }

  /** A timestamptz parameter; {@code OffsetDateTime} is the type pgjdbc maps without zone surprises. */
  static OffsetDateTime at(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
