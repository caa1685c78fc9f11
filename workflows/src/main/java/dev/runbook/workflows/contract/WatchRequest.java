package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.WatchRule;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Input of the watch activity: watch {@code canaryColour} (compared with {@code stableColour} for
 * relative rules, null when there is none) for {@code windowSeconds}, reading every {@code
 * pollSeconds}; readings older than {@code staleAfterSeconds} are inconclusive. {@code
 * stableVersion} is the release on the stable colour: metrics are read per colour and version, so
 * a lookback never mixes two releases (null in runs started before it was sent).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchRequest(
    String workflowId,
    String service,
    String environment,
    String platform,
    String canaryColour,
    String canaryVersion,
    String stableColour,
    String stepLabel,
    long windowSeconds,
    long pollSeconds,
    long staleAfterSeconds,
    List<WatchRule> rules,
    String stableVersion) {

  /** A request without the stable colour's version, as runs started before it was sent carry. */
  public WatchRequest(String workflowId, String service, String environment, String platform, String canaryColour,
      String canaryVersion, String stableColour, String stepLabel, long windowSeconds, long pollSeconds,
      long staleAfterSeconds, List<WatchRule> rules) {
    this(workflowId, service, environment, platform, canaryColour, canaryVersion, stableColour, stepLabel,
        windowSeconds, pollSeconds, staleAfterSeconds, rules, null);
  }
}
