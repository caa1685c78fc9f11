package dev.runbook.worker.config;

import java.time.Duration;

/**
 * {@code runbook.environments.<env>.emergency-deploy}: {@code watch}, the alerting watch at 100%
 * after the cutover (default 2h, seed 000), and {@code retire-after}, the delay before the old
 * colour is retired (default 10m). Unset keys are null here; {@link ProcedureSections} fills them.
 */
public record EmergencyDeployProperties(Duration watch, Duration retireAfter) {}
