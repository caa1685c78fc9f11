package dev.runbook.worker.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One environment: what every procedure shares there (platform: {@code sandbox} or a name under
 * {@code runbook.platforms}; metric source: {@code sandbox} or {@code prometheus}; the services
 * that may be deployed there; watch rules, approval policy, poll interval and timeouts), then one
 * section per procedure that has knobs of its own: {@code code-deploy}, {@code emergency-deploy},
 * {@code lessons} (optional; see {@link LessonProperties}), {@code incident-response} (optional; see
 * {@link IncidentResponseProperties}), {@code schema-migration} (optional; see
 * {@link SchemaMigrationProperties}). A rollback has none. Durations are
 * written {@code 30m}, {@code 2h}.
 *
 * <p>{@code steps}, {@code emergency-watch} and {@code retire-after} are the flat keys the sections
 * replaced: still read, with a warning at start-up (see {@link ProcedureSections}).
 */
public record EnvironmentProperties(
    String platform,
    String metrics,
    List<String> services,
    List<RuleProperties> rules,
    ApprovalProperties approval,
    @DefaultValue("10s") Duration pollInterval,
    @DefaultValue("30s") Duration heartbeatTimeout,
    @DefaultValue("10m") Duration deployTimeout,
    CodeDeployProperties codeDeploy,
    EmergencyDeployProperties emergencyDeploy,
    LessonProperties lessons,
    List<StepProperties> steps,
    Duration emergencyWatch,
    Duration retireAfter,
    IncidentResponseProperties incidentResponse,
    SchemaMigrationProperties schemaMigration) {

  /** The constructor Spring binds (the others are for code). */
  @ConstructorBinding
  public EnvironmentProperties {}

  /** An environment without a schema-migration section. */
  public EnvironmentProperties(String platform, String metrics, List<String> services, List<RuleProperties> rules,
      ApprovalProperties approval, Duration pollInterval, Duration heartbeatTimeout, Duration deployTimeout,
      CodeDeployProperties codeDeploy, EmergencyDeployProperties emergencyDeploy, LessonProperties lessons,
      List<StepProperties> steps, Duration emergencyWatch, Duration retireAfter,
      IncidentResponseProperties incidentResponse) {
    this(platform, metrics, services, rules, approval, pollInterval, heartbeatTimeout, deployTimeout, codeDeploy,
        emergencyDeploy, lessons, steps, emergencyWatch, retireAfter, incidentResponse, null);
  }

  /** An environment written with the sections only (no deprecated flat keys). */
  public EnvironmentProperties(String platform, String metrics, List<String> services, List<RuleProperties> rules,
      ApprovalProperties approval, Duration pollInterval, Duration heartbeatTimeout, Duration deployTimeout,
      CodeDeployProperties codeDeploy, EmergencyDeployProperties emergencyDeploy, LessonProperties lessons) {
    this(platform, metrics, services, rules, approval, pollInterval, heartbeatTimeout, deployTimeout, codeDeploy,
        emergencyDeploy, lessons, null, null, null, null);
  }

  /** An environment written with the sections only, an escalation policy included. */
  public EnvironmentProperties(String platform, String metrics, List<String> services, List<RuleProperties> rules,
      ApprovalProperties approval, Duration pollInterval, Duration heartbeatTimeout, Duration deployTimeout,
      CodeDeployProperties codeDeploy, EmergencyDeployProperties emergencyDeploy, LessonProperties lessons,
      IncidentResponseProperties incidentResponse) {
    this(platform, metrics, services, rules, approval, pollInterval, heartbeatTimeout, deployTimeout, codeDeploy,
        emergencyDeploy, lessons, null, null, null, incidentResponse);
  }
}
