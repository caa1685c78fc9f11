package dev.runbook.worker.config;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code code-deploy.rolling}: the batches of a rolling deploy and of a config update's restart.
 * A batch replaces {@code max-unavailable + max-surge} instances, is health-checked within {@code
 * health-timeout}, then watched for {@code batch-watch}.
 */
public record RollingProperties(
    @DefaultValue("1") int maxUnavailable,
    @DefaultValue("1") int maxSurge,
    @DefaultValue("30s") Duration batchWatch,
    @DefaultValue("60s") Duration healthTimeout) {}
