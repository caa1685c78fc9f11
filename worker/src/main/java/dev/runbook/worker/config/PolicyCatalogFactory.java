package dev.runbook.worker.config;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RollingPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the YAML-shaped properties into the activities' plain policy catalog (seconds, records),
 * each procedure's section as {@link ProcedureSections} resolves it.
 */
final class PolicyCatalogFactory {
  private PolicyCatalogFactory() {}

  static PolicyCatalog build(RunbookProperties properties) {
    Map<String, EnvironmentSettings> environments = new LinkedHashMap<>();
    properties.environments().forEach((name, env) -> environments.put(name, settings(env)));
    return new PolicyCatalog(environments);
  }

  private static EnvironmentSettings settings(EnvironmentProperties env) {
    List<WatchRule> rules = rules(env.rules());
    ApprovalProperties a = env.approval();
    ApprovalPolicy approval = a == null ? null : new ApprovalPolicy(a.manual(),
        a.approvers() == null ? List.of() : a.approvers(), a.requesterMayApprove(), seconds(a.timeout()),
        a.onTimeout(), seconds(a.remindEvery()));
    return new EnvironmentSettings(env.platform(), env.metrics(), env.services(), rules, approval,
        seconds(env.pollInterval()), seconds(env.heartbeatTimeout()), seconds(env.deployTimeout()),
        codeDeploy(ProcedureSections.codeDeploy(env)), emergencyDeploy(ProcedureSections.emergencyDeploy(env)),
        lessons(env.lessons()), incident(env.incidentResponse()));
  }

  static EscalationPolicy incident(IncidentResponseProperties incident) {
    if (incident == null) {
      return null;
    }
    List<EscalationLevel> levels = incident.levels() == null ? List.of() : incident.levels().stream()
        .map(l -> new EscalationLevel(l.name(), l.who(), seconds(l.escalateAfter()))).toList();
    return new EscalationPolicy(levels, incident.repeats(), seconds(incident.ackTimeout()), seconds(incident.reportDue()),
        seconds(incident.reportRemindEvery()));
  }

  private static RolloutPolicy codeDeploy(CodeDeployProperties codeDeploy) {
    RollingProperties r = codeDeploy.rolling();
    return new RolloutPolicy(steps(codeDeploy.steps()), seconds(codeDeploy.retireAfter()), codeDeploy.strategy(),
        r == null ? null : new RollingPolicy(r.maxUnavailable(), r.maxSurge(), seconds(r.batchWatch()),
            seconds(r.healthTimeout())));
  }

  private static EmergencyPolicy emergencyDeploy(EmergencyDeployProperties emergency) {
    return new EmergencyPolicy(seconds(emergency.watch()), seconds(emergency.retireAfter()));
  }

  private static LessonSettings lessons(LessonProperties lessons) {
    return lessons == null ? null : new LessonSettings(steps(lessons.steps()), rules(lessons.rules()),
        seconds(lessons.updateWatch()), seconds(lessons.flagRemovalAfter()));
  }

  private static List<RolloutStep> steps(List<StepProperties> steps) {
    return steps == null ? List.of()
        : steps.stream().map(s -> new RolloutStep(s.weight(), seconds(s.watch()), s.gate())).toList();
  }

  private static List<WatchRule> rules(List<RuleProperties> rules) {
    return rules == null ? List.of() : rules.stream().map(PolicyCatalogFactory::rule).toList();
  }

  private static WatchRule rule(RuleProperties r) {
    return new WatchRule(r.name(), r.metric(), r.comparison(), r.threshold(), r.relativeToStable(),
        seconds(r.sustainedFor()), seconds(r.lookback()), r.action(), r.minSamples(), r.query(), r.samplesQuery());
  }

  private static long seconds(Duration d) {
    return d == null ? 0 : d.toSeconds();
  }
}
