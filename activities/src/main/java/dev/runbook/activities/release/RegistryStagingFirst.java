package dev.runbook.activities.release;

import dev.runbook.workflows.contract.StagingFirstActivities;
import dev.runbook.workflows.contract.StagingVerdict;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The staging-first rule over the release registry: an environment configured to require another
 * ({@code production -> staging}) accepts a version once a code deploy of it ended SUCCEEDED there
 * (a release's staging deploy is such a code deploy).
 */
public class RegistryStagingFirst implements StagingFirstActivities {
  private final Map<String, String> requiredIn;
  private final DataSource registry;

  public RegistryStagingFirst(Map<String, String> requiredIn, DataSource registry) {
    this.requiredIn = Map.copyOf(requiredIn);
    this.registry = registry;
  }

  @Override
  public StagingVerdict checkStaged(String service, String environment, String version) {
    String first = requiredIn.get(environment);
    if (first == null) {
      return StagingVerdict.notRequired();
    }
    String sql = "SELECT workflow_id, finished_at FROM runbook.runs WHERE procedure = 'code-deploy' AND service = ? "
        + "AND environment = ? AND version = ? AND outcome = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1";
    try (Connection c = registry.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, service);
      s.setString(2, first);
      s.setString(3, version);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? new StagingVerdict(first, true, r.getString(1) + " succeeded at " + r.getTimestamp(2).toInstant())
            : new StagingVerdict(first, false, "no successful code deploy of " + version + " in " + first);
      }
    } catch (SQLException e) {
      // retryable: the registry coming back answers the question
      throw ApplicationFailure.newFailure("cannot read the release registry: " + e.getMessage(), "RegistryUnavailable");
    }
  }
}
