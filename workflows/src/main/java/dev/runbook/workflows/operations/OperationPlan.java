package dev.runbook.workflows.operations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import java.util.List;

/**
 * What a scheduled operation will check, read from the worker's configuration once, into history.
 *
 * @param policy the shared settings the run uses (timeouts, approvals); its service is the
 *     operation's key, since an operation is about no one service
 * @param incidentServices per environment, the service an incident about that environment is
 *     filed under when the failing check names no service of its own (the database, the worker)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationPlan(EnvironmentPolicy policy, List<OperationCheck> checks,
    java.util.Map<String, String> incidentServices) {

  public OperationPlan {
    checks = checks == null ? List.of() : List.copyOf(checks);
    incidentServices = incidentServices == null ? java.util.Map.of() : java.util.Map.copyOf(incidentServices);
  }
}
