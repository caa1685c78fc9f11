package dev.runbook.worker.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One environment: platform ({@code sandbox} or a name under {@code runbook.platforms}), metric
 * source ({@code sandbox} or {@code prometheus}), the services that may be deployed there, the
 * rollout steps, watch rules and approval policy. Durations are written {@code 30m}, {@code 2h}.
 * {@code lessons} (optional) lets lesson updates run here; see {@link LessonProperties}.
 */
public record EnvironmentProperties(
    String platform,
    String metrics,
    List<String> services,
    List<StepProperties> steps,
    List<RuleProperties> rules,
    ApprovalProperties approval,
    @DefaultValue("10s") Duration pollInterval,
    @DefaultValue("30s") Duration heartbeatTimeout,
    @DefaultValue("2h") Duration emergencyWatch,
    @DefaultValue("10m") Duration retireAfter,
    @DefaultValue("10m") Duration deployTimeout,
    LessonProperties lessons) {}
