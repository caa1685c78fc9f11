package dev.runbook.worker.config;

import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RuleAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Start-up checks the policy catalog cannot do alone: references between sections (platform and
 * metric source names, URLs they need) and units (percentages 0-100, positive durations). Every
 * problem is listed with its property path so one restart fixes them all. Lesson settings are
 * checked by {@link LessonPropertiesCheck}, keys given both flat and in a procedure's section by
 * {@link ProcedureSections}.
 */
final class PropertiesCheck {
  static final String SANDBOX = "sandbox";
  static final String PROMETHEUS = "prometheus";
  private static final Set<String> METRIC_SOURCES = Set.of(SANDBOX, PROMETHEUS);

  private PropertiesCheck() {}

  static List<String> problems(RunbookProperties p) {
    List<String> problems = new ArrayList<>();
    if (p.taskQueue() == null || p.taskQueue().isBlank()) {
      problems.add("runbook.task-queue must not be empty");
    }
    if (p.environments().isEmpty()) {
      problems.add("runbook.environments: configure at least one environment");
    }
    pager(p.pager(), problems);
    positive("runbook.snapshots.tool-timeout", p.snapshots().toolTimeout(), problems);
    p.environments().forEach((name, env) -> environment("runbook.environments." + name, env, p, problems));
    p.platforms().forEach((name, platform) -> {
      if (SANDBOX.equals(name)) {
        problems.add("runbook.platforms." + name + ": 'sandbox' is built in; pick another name");
      }
      positive("runbook.platforms." + name + ".timeout", platform.timeout(), problems);
    });
    return problems;
  }

  /** Deprecated keys in use, one warning each with the keys to write instead; logged at start-up. */
  static List<String> deprecations(RunbookProperties p) {
    List<String> warnings = new ArrayList<>();
    p.environments().forEach((name, env) -> warnings.addAll(ProcedureSections.deprecations("runbook.environments." + name, env)));
    return warnings;
  }

  private static void environment(String path, EnvironmentProperties env, RunbookProperties p, List<String> problems) {
    if (env.platform() == null) {
      problems.add(path + ".platform is required (sandbox or one of runbook.platforms: " + p.platforms().keySet() + ")");
    } else if (SANDBOX.equals(env.platform())) {
      if (p.sandboxUrl() == null) {
        problems.add(path + ".platform is sandbox but runbook.sandbox-url is not set");
      }
    } else if (!p.platforms().containsKey(env.platform())) {
      problems.add(path + ".platform '" + env.platform() + "' is neither sandbox nor one of runbook.platforms " + p.platforms().keySet());
    }
    if (env.metrics() == null || !METRIC_SOURCES.contains(env.metrics())) {
      problems.add(path + ".metrics must be sandbox or prometheus, was '" + env.metrics() + "'");
    } else if (PROMETHEUS.equals(env.metrics()) && p.prometheusUrl() == null) {
      problems.add(path + ".metrics is prometheus but runbook.prometheus-url is not set");
    } else if (SANDBOX.equals(env.metrics()) && p.sandboxUrl() == null) {
      problems.add(path + ".metrics is sandbox but runbook.sandbox-url is not set");
    }
    ProcedureSections.check(path, env, problems);
    if (env.incidentResponse() != null) {
      // the same checks the workflow runs on a policy copied into an incident, with the YAML path
      PolicyCatalogFactory.incident(env.incidentResponse()).problems()
          .forEach(problem -> problems.add(path + ".incident-response." + problem));
    }
    positive(path + ".poll-interval", env.pollInterval(), problems);
    positive(path + ".heartbeat-timeout", env.heartbeatTimeout(), problems);
    positive(path + ".deploy-timeout", env.deployTimeout(), problems);
    if (env.approval() != null) {
      positive(path + ".approval.timeout", env.approval().timeout(), problems);
      positive(path + ".approval.remind-every", env.approval().remindEvery(), problems);
      if (env.approval().approvers() == null || env.approval().approvers().isEmpty()) {
        problems.add(path + ".approval.approvers: name at least one approver; even automatic gates wait for a"
            + " person when a watch window is inconclusive");
      }
    }
    if (env.rules() != null) {
      for (int i = 0; i < env.rules().size(); i++) {
        RuleProperties r = env.rules().get(i);
        String rp = path + ".rules[" + i + "]";
        if (r.metric() == MetricKind.ERROR_RATE_PERCENT && !r.relativeToStable() && (r.threshold() < 0 || r.threshold() > 100)) {
          problems.add(rp + ".threshold is a percentage and must be within 0-100, was " + r.threshold());
        }
        if (r.metric() == MetricKind.CUSTOM && (r.query() == null || r.query().isBlank())) {
          problems.add(rp + ": metric custom needs a query (PromQL)");
        }
        if (r.metric() == MetricKind.CUSTOM && !PROMETHEUS.equals(env.metrics())) {
          problems.add(rp + ": metric custom needs metrics: prometheus");
        }
        if (r.metric() != MetricKind.CUSTOM && LessonSettings.LESSON_METRICS.contains(r.metric())) {
          problems.add(rp + ".metric " + r.metric().name().toLowerCase().replace('_', '-')
              + " reads lesson traffic; put the rule under " + path + ".lessons.rules");
        }
        if (r.relativeToStable() && r.threshold() <= 0) {
          problems.add(rp + ".threshold of a relative rule is a factor of the stable value and must be positive");
        }
        positive(rp + ".lookback", r.lookback(), problems);
        healthRule(rp, r, problems);
      }
    }
    if (env.lessons() != null) {
      LessonPropertiesCheck.check(path + ".lessons", env.lessons(), env.metrics(), problems);
    }
    if (env.schemaMigration() != null) {
      SchemaMigrationPropertiesCheck.check(path + ".schema-migration", env.schemaMigration(), p, problems);
    }
  }

  /**
   * A rollback on health-check failures must be sustained ({@code for}) and counted over enough
   * probes ({@code min-samples}). A health count is taken over a handful of probes, so one slow
   * second of an overloaded host (probes timing out) breaches it: without both, every healthy
   * release on a busy machine is rolled back. The other metrics are rates over many requests,
   * which min-samples already guards, and complaints are a sum a slow probe cannot inflate, so the
   * check is kept to health rules rather than every rollback rule.
   */
  private static void healthRule(String rp, RuleProperties r, List<String> problems) {
    if (r.metric() != MetricKind.HEALTH_CHECK_FAILURES || r.action() != RuleAction.ROLLBACK) {
      return;
    }
    if (r.sustainedFor() == null || r.sustainedFor().isNegative() || r.sustainedFor().isZero()) {
      problems.add(rp + ": a rollback on health-check-failures needs a positive 'for' (e.g. for: 1m), so a few"
          + " slow probes on a busy host do not roll back a healthy release");
    }
    if (r.minSamples() <= 0) {
      problems.add(rp + ": a rollback on health-check-failures needs min-samples (the probes the count is taken"
          + " over, e.g. min-samples: 4)");
    }
  }

  private static void pager(PagerProperties pager, List<String> problems) {
    if (pager == null) {
      return;
    }
    if (pager.url() == null) {
      problems.add("runbook.pager.url is required once runbook.pager is set (the events endpoint, e.g. PagerDuty's"
          + " /v2/enqueue)");
    }
    if (pager.routingKey() == null || pager.routingKey().isBlank()) {
      problems.add("runbook.pager.routing-key is required once runbook.pager is set (the integration key of the"
          + " service to page)");
    }
  }

  private static void positive(String path, Duration d, List<String> problems) {
    if (d == null || d.isNegative() || d.isZero()) {
      problems.add(path + " must be a positive duration like 30s or 5m, was " + d);
    }
  }
}
