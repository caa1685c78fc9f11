package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The batches of a rolling replace (a rolling deploy, a config update's restart), in the terms a
 * Kubernetes Deployment uses: at most {@code maxUnavailable} instances down and {@code maxSurge}
 * extra instances up at once. The sandbox starts a replacement before it stops the old instance,
 * so a batch replaces {@code maxUnavailable + maxSurge} instances (at least one).
 *
 * @param batchWatchSeconds the watch after each batch (0: health checks only)
 * @param healthTimeoutSeconds how long a batch's instances have to answer their health checks
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollingPolicy(int maxUnavailable, int maxSurge, long batchWatchSeconds, long healthTimeoutSeconds) {
  public static final RollingPolicy DEFAULTS = new RollingPolicy(1, 1, 30, 60);

  public int batchSize() {
    return Math.max(1, maxUnavailable + maxSurge);
  }
}
