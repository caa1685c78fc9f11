package dev.runbook.worker.config;

import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RuleAction;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * A watch rule as written in YAML: {@code {name: error-rate, metric: error-rate-percent,
 * comparison: greater-than, threshold: 5, for: 2m, lookback: 1m, action: rollback, min-samples:
 * 50}}. {@code relative-to-stable: true} makes the threshold a factor of the stable colour's value.
 */
public record RuleProperties(
    String name,
    MetricKind metric,
    @DefaultValue("greater-than") Comparison comparison,
    double threshold,
    @DefaultValue("false") boolean relativeToStable,
    @Name("for") @DefaultValue("0s") Duration sustainedFor,
    @DefaultValue("1m") Duration lookback,
    @DefaultValue("rollback") RuleAction action,
    @DefaultValue("0") long minSamples,
    String query,
    String samplesQuery) {}
