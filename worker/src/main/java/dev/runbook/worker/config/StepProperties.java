package dev.runbook.worker.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code {weight: 10, watch: 30m, gate: true}}: a canary step. */
public record StepProperties(int weight, @DefaultValue("0s") Duration watch, @DefaultValue("true") boolean gate) {}
