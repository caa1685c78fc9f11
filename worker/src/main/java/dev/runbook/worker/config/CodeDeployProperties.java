package dev.runbook.worker.config;

import dev.runbook.workflows.contract.DeployStrategy;
import java.time.Duration;
import java.util.List;

/**
 * {@code runbook.environments.<env>.code-deploy}: the canary {@code steps} (weights rising to 100,
 * each with its watch and gate) and {@code retire-after}, how long the old colour stays as standby
 * after the cutover (default 10m); {@code strategy} (canary, blue-green or rolling; default
 * canary) and the {@code rolling} batches. Unset keys are null here; {@link ProcedureSections}
 * fills them. One constructor only: Spring binds a record through its only constructor.
 */
public record CodeDeployProperties(List<StepProperties> steps, Duration retireAfter, DeployStrategy strategy,
    RollingProperties rolling) {}
