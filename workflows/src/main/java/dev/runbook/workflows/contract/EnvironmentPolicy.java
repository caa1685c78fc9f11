package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a run needs to know about its target in one environment, resolved once at the start of a
 * run by an activity (so it lands in history and replays identically). The fields are what every
 * procedure shares; a procedure's own knobs are a part of their own, null when the resolver has
 * no such section for this target.
 *
 * @param service the target: a service, or a lesson id for a lesson update
 * @param platform where the target lives (a platform provider's name, or the lesson store)
 * @param heartbeatTimeoutSeconds how fast a dead worker's watch is noticed and resumed elsewhere
 * @param deployTimeoutSeconds start-to-close timeout of one forward step or compensation
 * @param rollout the staged rollout (code deploy, lesson major update)
 * @param emergency the emergency deploy's watch and retire delay
 * @param incident the incident escalation policy (who is paged, when); null when not configured
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentPolicy(
    String environment,
    String service,
    String platform,
    List<WatchRule> rules,
    ApprovalPolicy approval,
    long pollSeconds,
    long heartbeatTimeoutSeconds,
    long deployTimeoutSeconds,
    RolloutPolicy rollout,
    EmergencyPolicy emergency,
    EscalationPolicy incident) {

  /**
   * Also reads the flat form that runs recorded before the per-procedure parts ({@code steps},
   * {@code emergencyWatchSeconds} and {@code retireAfterSeconds} at the top level), so those runs
   * replay with the very values they resolved: the one retire delay served both procedures then.
   */
  @JsonCreator
  static EnvironmentPolicy fromJson(@JsonProperty("environment") String environment,
      @JsonProperty("service") String service, @JsonProperty("platform") String platform,
      @JsonProperty("rules") List<WatchRule> rules, @JsonProperty("approval") ApprovalPolicy approval,
      @JsonProperty("pollSeconds") long pollSeconds,
      @JsonProperty("heartbeatTimeoutSeconds") long heartbeatTimeoutSeconds,
      @JsonProperty("deployTimeoutSeconds") long deployTimeoutSeconds,
      @JsonProperty("rollout") RolloutPolicy rollout, @JsonProperty("emergency") EmergencyPolicy emergency,
      @JsonProperty("incident") EscalationPolicy incident,
      @JsonProperty("steps") List<RolloutStep> flatSteps,
      @JsonProperty("emergencyWatchSeconds") Long flatEmergencyWatchSeconds,
      @JsonProperty("retireAfterSeconds") Long flatRetireAfterSeconds) {
    boolean flat = flatSteps != null || flatEmergencyWatchSeconds != null || flatRetireAfterSeconds != null;
    long retireAfter = flatRetireAfterSeconds == null ? 0 : flatRetireAfterSeconds;
    if (flat && rollout == null) {
      rollout = new RolloutPolicy(flatSteps == null ? List.of() : flatSteps, retireAfter);
    }
    if (flat && emergency == null) {
      emergency = new EmergencyPolicy(flatEmergencyWatchSeconds == null ? 0 : flatEmergencyWatchSeconds, retireAfter);
    }
    return new EnvironmentPolicy(environment, service, platform, rules, approval, pollSeconds, heartbeatTimeoutSeconds,
        deployTimeoutSeconds, rollout, emergency, incident);
  }

  /** The policy without the incident part, as procedures before incidents resolved it. */
  public EnvironmentPolicy(String environment, String service, String platform, List<WatchRule> rules,
      ApprovalPolicy approval, long pollSeconds, long heartbeatTimeoutSeconds, long deployTimeoutSeconds,
      RolloutPolicy rollout, EmergencyPolicy emergency) {
    this(environment, service, platform, rules, approval, pollSeconds, heartbeatTimeoutSeconds, deployTimeoutSeconds,
        rollout, emergency, null);
  }
}
