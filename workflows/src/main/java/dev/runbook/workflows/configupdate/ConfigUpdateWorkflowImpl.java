package dev.runbook.workflows.configupdate;

import dev.runbook.workflows.api.ConfigUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.ConfigChange;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.RunbookWorkflowBase;

/** See {@link ConfigUpdateWorkflow}. */
public class ConfigUpdateWorkflowImpl extends RunbookWorkflowBase implements ConfigUpdateWorkflow {

  @Override
  public RunbookResult update(ConfigUpdateRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    ConfigUpdateRequest request = input != null ? input
        : new ConfigUpdateRequest(null, null, null, null, null, null, null, null);
    begin(Procedure.CONFIG_UPDATE, request.service(), request.environment(), null, request.requestedBy(),
        request.requestId(), request.reason(), RequestValidation.configUpdate(input), input);
    loadPolicy();
    // the service's target, as a code deploy's: a config change and a release never overlap;
    // an emergency deploy or a rollback may pre-empt it
    singleFlight().take(TargetPaths.service(request.environment(), request.service()), Preemption.yielding(),
        Procedure.EMERGENCY_DEPLOY, Procedure.ROLLBACK);
    ConfigChange change = new ConfigChange(request.set(), request.secrets(), request.unset());
    return run(() -> new ConfigRollout(ctx(), watchWindow()).apply(change));
  }
}
