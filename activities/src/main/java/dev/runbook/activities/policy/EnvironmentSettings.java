package dev.runbook.activities.policy;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.WatchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One environment as the worker configures it: which platform and metric source serve it, which
 * services may be deployed there, the policy every procedure shares there, and each procedure's
 * own part (its configuration section). Plain data so the worker can bind it straight from
 * {@code @ConfigurationProperties}.
 *
 * @param platform name of a {@code PlatformProvider} registered with {@code PlatformActivitiesImpl}
 * @param metricsSource name of a {@code MetricSource} the watch reads (see {@code MetricSources})
 * @param services services that may be deployed to this environment
 * @param codeDeploy section {@code code-deploy}: the canary steps and the retire delay
 * @param emergencyDeploy section {@code emergency-deploy}: the alerting watch and the retire delay
 * @param lessons section {@code lessons}: how lessons are published here; null when lesson updates are refused
 * @param incident section {@code incident-response}: the escalation policy; null when incidents are refused
 */
public record EnvironmentSettings(
    String platform,
    String metricsSource,
    List<String> services,
    List<WatchRule> rules,
    ApprovalPolicy approval,
    long pollSeconds,
    long heartbeatTimeoutSeconds,
    long deployTimeoutSeconds,
    RolloutPolicy codeDeploy,
    EmergencyPolicy emergencyDeploy,
    LessonSettings lessons,
    EscalationPolicy incident) {

  /** An environment without an escalation policy. */
  public EnvironmentSettings(String platform, String metricsSource, List<String> services, List<WatchRule> rules,
      ApprovalPolicy approval, long pollSeconds, long heartbeatTimeoutSeconds, long deployTimeoutSeconds,
      RolloutPolicy codeDeploy, EmergencyPolicy emergencyDeploy, LessonSettings lessons) {
    this(platform, metricsSource, services, rules, approval, pollSeconds, heartbeatTimeoutSeconds, deployTimeoutSeconds,
        codeDeploy, emergencyDeploy, lessons, null);
  }

  /** An environment without lesson publishing. */
  public EnvironmentSettings(String platform, String metricsSource, List<String> services, List<WatchRule> rules,
      ApprovalPolicy approval, long pollSeconds, long heartbeatTimeoutSeconds, long deployTimeoutSeconds,
      RolloutPolicy codeDeploy, EmergencyPolicy emergencyDeploy) {
    this(platform, metricsSource, services, rules, approval, pollSeconds, heartbeatTimeoutSeconds, deployTimeoutSeconds,
        codeDeploy, emergencyDeploy, null);
  }

  public EnvironmentSettings {
    services = services == null ? List.of() : List.copyOf(services);
    rules = rules == null ? List.of() : List.copyOf(rules);
    if (codeDeploy != null) {
      codeDeploy = new RolloutPolicy(codeDeploy.steps() == null ? List.of() : List.copyOf(codeDeploy.steps()),
          codeDeploy.retireAfterSeconds(), codeDeploy.strategy(), codeDeploy.rolling());
    }
  }

  /**
   * What is wrong with these settings, as sentences a person can fix in the YAML; empty when they
   * are usable. Checked once at start-up so a bad policy never reaches a running rollout.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (platform == null || platform.isBlank()) {
      problems.add("platform is required (e.g. sandbox, kubectl)");
    }
    if (metricsSource == null || metricsSource.isBlank()) {
      problems.add("metricsSource is required (e.g. sandbox, prometheus)");
    }
    if (services.isEmpty()) {
      problems.add("services must list at least one service");
    }
    codeDeployProblems(problems);
    emergencyDeployProblems(problems);
    if (incident != null) {
      incident.problems().forEach(problem -> problems.add("incident-response." + problem));
    }
    RolloutChecks.rules(rules, problems);
    for (WatchRule rule : rules) {
      // A code rollout has no lesson traffic: such a rule would read nothing and hold every window.
      if (rule.metric() != MetricKind.CUSTOM && LessonSettings.LESSON_METRICS.contains(rule.metric())) {
        problems.add("watch rule '" + rule.name() + "' reads " + rule.metric() + ", a lesson metric; put it under lessons");
      }
    }
    if (approval == null) {
      problems.add("approval is required (manual: false for automatic gates)");
    }
    if (pollSeconds <= 0) {
      problems.add("pollSeconds must be positive, was " + pollSeconds);
    }
    if (heartbeatTimeoutSeconds <= pollSeconds) {
      problems.add("heartbeatTimeoutSeconds (" + heartbeatTimeoutSeconds + ") must exceed pollSeconds ("
          + pollSeconds + "), or a healthy watch would time out between two polls");
    }
    if (deployTimeoutSeconds <= 0) {
      problems.add("deployTimeoutSeconds must be positive, was " + deployTimeoutSeconds);
    }
    if (lessons != null) {
      lessons.problems().forEach(p -> problems.add("lessons: " + p));
    }
    return problems;
  }

  private void codeDeployProblems(List<String> problems) {
    if (codeDeploy == null) {
      problems.add("code-deploy is required (its steps, the last at weight 100)");
      return;
    }
    List<String> own = new ArrayList<>();
    RolloutChecks.steps(codeDeploy.steps(), own);
    if (codeDeploy.retireAfterSeconds() < 0) {
      own.add("retireAfterSeconds must not be negative, was " + codeDeploy.retireAfterSeconds());
    }
    RolloutChecks.strategy(codeDeploy, own);
    own.forEach(p -> problems.add("code-deploy: " + p));
  }

  private void emergencyDeployProblems(List<String> problems) {
    if (emergencyDeploy == null) {
      problems.add("emergency-deploy is required (its watch and retire delay)");
    } else if (emergencyDeploy.watchSeconds() < 0 || emergencyDeploy.retireAfterSeconds() < 0) {
      problems.add("emergency-deploy: watchSeconds and retireAfterSeconds must not be negative");
    }
  }

  /** Whether lesson updates may run here. */
  public Optional<LessonSettings> lessonSettings() {
    return Optional.ofNullable(lessons);
  }
}
