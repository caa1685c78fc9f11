package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a release goes through one environment (seed 004's environment guidelines as configuration:
 * dev automatic and fast, staging the full process with a rollback test, production strict with
 * approval, user communication and extended monitoring). Resolved by an activity at the start of
 * the environment, so it lands in history and replays identically.
 *
 * @param strategy the deploy strategy whose procedure runs as the deployment's child (blue-green: a
 *     CodeDeploy)
 * @param approval an approval step (the environment's approvers, no self-approval where its policy
 *     says so, its timeout) before the deployment phase
 * @param maintenance maintenance mode on during the deployment, off in post-deployment
 * @param rollbackTest after verification, roll back to the previous release and deploy again, timed
 * @param userMessage the user communication sent in post-deployment, with {service}, {version} and
 *     {environment} filled in; null for none
 * @param checks the verification's HTTP checks of endpoints and critical flows
 * @param maxErrorRatePercent the verification's ceiling on the live release's error rate
 * @param maxP95Millis the verification's ceiling on the live release's p95 latency
 * @param extendedMonitoringSeconds the watch after post-deployment that can still roll back; 0 none
 * @param rollBackOnLaterFailure roll this environment back too when a later one fails (seed 004:
 *     staging and dev keep the new version unless their policy says so)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleasePolicy(
    String environment,
    String strategy,
    boolean approval,
    boolean maintenance,
    boolean rollbackTest,
    String userMessage,
    List<HttpCheck> checks,
    double maxErrorRatePercent,
    double maxP95Millis,
    long extendedMonitoringSeconds,
    boolean rollBackOnLaterFailure) {

  public static final String BLUE_GREEN = "blue-green";

  public ReleasePolicy {
    checks = checks == null ? List.of() : List.copyOf(checks);
  }

  /** The user communication with its placeholders filled in, or null when there is none. */
  public String userMessageFor(String service, String version) {
    return userMessage == null ? null : userMessage.replace("{service}", service).replace("{version}", version)
        .replace("{environment}", environment);
  }
}
