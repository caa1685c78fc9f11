package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker refuses a bad configuration at start-up, naming every problem with its property path. */
class PropertiesCheckTest {

  @Test
  void aSoundConfigurationHasNoProblemsAndBuildsTheCatalog() {
    RunbookProperties ok = properties(environment("sandbox", "sandbox", rule(MetricKind.ERROR_RATE_PERCENT, 5, false)),
        URI.create("http://127.0.0.1:7300"), null);
    assertThat(PropertiesCheck.problems(ok)).isEmpty();
    assertThat(PolicyCatalogFactory.build(ok).environment("prod")).isPresent();
  }

  @Test
  void aPagerNeedsBothItsUrlAndItsRoutingKey() {
    EnvironmentProperties env = environment("sandbox", "sandbox", rule(MetricKind.ERROR_RATE_PERCENT, 5, false));
    RunbookProperties base = properties(env, URI.create("http://127.0.0.1:7300"), null);

    assertThat(PropertiesCheck.problems(withPager(base, new PagerProperties(URI.create("http://127.0.0.1:9/v2/enqueue"),
        "R0UT1NGKEY")))).isEmpty();
    assertThat(PropertiesCheck.problems(withPager(base, new PagerProperties(null, " ")))).containsExactly(
        "runbook.pager.url is required once runbook.pager is set (the events endpoint, e.g. PagerDuty's /v2/enqueue)",
        "runbook.pager.routing-key is required once runbook.pager is set (the integration key of the service to page)");
  }

  @Test
  void aBadEscalationPolicyIsNamedByItsPropertyPath() {
    EnvironmentProperties e = environment("sandbox", "sandbox", rule(MetricKind.ERROR_RATE_PERCENT, 5, false));
    EnvironmentProperties env = new EnvironmentProperties(e.platform(), e.metrics(), e.services(), e.rules(),
        e.approval(), e.pollInterval(), e.heartbeatTimeout(), e.deployTimeout(), e.codeDeploy(), e.emergencyDeploy(),
        null, new IncidentResponseProperties(List.of(
            new IncidentResponseProperties.Level("development team", List.of("alice"), Duration.ofMinutes(15)),
            new IncidentResponseProperties.Level(null, List.of(), Duration.ZERO)),
            -1, Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofHours(25)));

    assertThat(PropertiesCheck.problems(properties(env, URI.create("http://127.0.0.1:7300"), null))).containsExactly(
        "runbook.environments.prod.incident-response.levels[1].name is required",
        "runbook.environments.prod.incident-response.levels[1].who must name at least one person, none blank",
        "runbook.environments.prod.incident-response.levels[1].escalate-after must be positive, got 0s",
        "runbook.environments.prod.incident-response.repeats must be between 0 and 10, got -1",
        "runbook.environments.prod.incident-response.report-remind-every must be positive and at most report-due, got 90000s");
  }

  private static RunbookProperties withPager(RunbookProperties p, PagerProperties pager) {
    return new RunbookProperties(p.taskQueue(), p.localStack(), p.sandboxUrl(), p.prometheusUrl(), p.webhookUrl(), pager,
        p.environments(), p.platforms());
  }

  @Test
  void everyProblemIsListedWithItsPropertyPath() {
    EnvironmentProperties env = new EnvironmentProperties("kubectl", "graphite", List.of("learning-api"),
        List.of(rule(MetricKind.ERROR_RATE_PERCENT, 500, false), rule(MetricKind.CUSTOM, 1, false)),
        new ApprovalProperties(true, List.of(), false, Duration.ofHours(1), ApprovalTimeoutAction.HOLD_AND_REMIND, Duration.ZERO),
        Duration.ofSeconds(-1), Duration.ofSeconds(30), Duration.ofMinutes(10),
        new CodeDeployProperties(List.of(new StepProperties(10, Duration.ofMinutes(30), true),
            new StepProperties(100, Duration.ZERO, false)), null, null, null), null, null);

    List<String> problems = PropertiesCheck.problems(properties(env, null, null));

    assertThat(problems).containsExactlyInAnyOrder(
        "runbook.environments.prod.platform 'kubectl' is neither sandbox nor one of runbook.platforms []",
        "runbook.environments.prod.metrics must be sandbox or prometheus, was 'graphite'",
        "runbook.environments.prod.poll-interval must be a positive duration like 30s or 5m, was PT-1S",
        "runbook.environments.prod.approval.remind-every must be a positive duration like 30s or 5m, was PT0S",
        "runbook.environments.prod.approval.approvers: name at least one approver; even automatic gates wait"
            + " for a person when a watch window is inconclusive",
        "runbook.environments.prod.rules[0].threshold is a percentage and must be within 0-100, was 500.0",
        "runbook.environments.prod.rules[1]: metric custom needs a query (PromQL)",
        "runbook.environments.prod.rules[1]: metric custom needs metrics: prometheus");
  }

  @Test
  void aHealthRollbackRuleMustBeSustainedAndSampleCounted() {
    RuleProperties blip = new RuleProperties("health-checks", MetricKind.HEALTH_CHECK_FAILURES, Comparison.GREATER_THAN,
        2, false, Duration.ZERO, Duration.ofSeconds(10), RuleAction.ROLLBACK, 0, null, null);
    List<String> problems = PropertiesCheck.problems(properties(environment("sandbox", "sandbox", blip),
        URI.create("http://127.0.0.1:7300"), null));
    assertThat(problems).containsExactly(
        "runbook.environments.prod.rules[0]: a rollback on health-check-failures needs a positive 'for' (e.g. for: 1m),"
            + " so a few slow probes on a busy host do not roll back a healthy release",
        "runbook.environments.prod.rules[0]: a rollback on health-check-failures needs min-samples (the probes the"
            + " count is taken over, e.g. min-samples: 4)");

    RuleProperties notifyOnly = new RuleProperties("health-warning", MetricKind.HEALTH_CHECK_FAILURES,
        Comparison.GREATER_THAN, 0, false, Duration.ZERO, Duration.ofSeconds(10), RuleAction.NOTIFY, 0, null, null);
    RuleProperties sustained = new RuleProperties("health-checks", MetricKind.HEALTH_CHECK_FAILURES,
        Comparison.GREATER_THAN, 2, false, Duration.ofSeconds(5), Duration.ofSeconds(10), RuleAction.ROLLBACK, 5, null, null);
    assertThat(PropertiesCheck.problems(properties(environment("sandbox", "sandbox", notifyOnly),
        URI.create("http://127.0.0.1:7300"), null))).isEmpty();
    assertThat(PropertiesCheck.problems(properties(environment("sandbox", "sandbox", sustained),
        URI.create("http://127.0.0.1:7300"), null))).isEmpty();
  }

  @Test
  void thePolicyCatalogRejectsStepsThatNeverReachFullTraffic() {
    EnvironmentProperties env = new EnvironmentProperties("sandbox", "sandbox", List.of("learning-api"),
        List.of(rule(MetricKind.ERROR_RATE_PERCENT, 5, false)),
        new ApprovalProperties(false, List.of("alice"), true, Duration.ofHours(1), ApprovalTimeoutAction.ROLLBACK, Duration.ofMinutes(1)),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10),
        new CodeDeployProperties(List.of(new StepProperties(50, Duration.ofMinutes(1), true)), null, null, null), null, null);

    assertThatThrownBy(() -> PolicyCatalogFactory.build(properties(env, URI.create("http://127.0.0.1:7300"), null)))
        .hasMessageContaining("environment 'prod': code-deploy: the last step must send 100% of traffic, was 50%");
  }

  @Test
  void aSoundLessonPolicyBuildsTheLessonSettings() {
    RunbookProperties ok = properties(withLessons(seedLessons()), URI.create("http://127.0.0.1:7300"), null);
    assertThat(PropertiesCheck.problems(ok)).isEmpty();
    assertThat(PolicyCatalogFactory.build(ok).environment("prod").orElseThrow().lessons()).isEqualTo(
        new LessonSettings(List.of(new RolloutStep(10, 3600, true), new RolloutStep(50, 7200, true),
            new RolloutStep(100, 0, false)), List.of(new WatchRule("completion-rate",
            MetricKind.LESSON_COMPLETION_RATE_PERCENT, Comparison.LESS_THAN, 0.85, true, 900, 900, RuleAction.ROLLBACK,
            50, null, null)), 600, 86400));
  }

  @Test
  void aBadLessonPolicyIsNamedByItsPropertyPaths() {
    LessonProperties bad = new LessonProperties(
        List.of(new StepProperties(50, Duration.ofHours(1), true), new StepProperties(20, Duration.ofSeconds(-1), false)),
        List.of(lessonRule("errors", MetricKind.ERROR_RATE_PERCENT, 5, false, RuleAction.NOTIFY),
            lessonRule("errors", MetricKind.LESSON_ERROR_RATE_PERCENT, 500, false, RuleAction.NOTIFY),
            lessonRule("custom", MetricKind.CUSTOM, 1, false, RuleAction.NOTIFY),
            lessonRule("completion", MetricKind.LESSON_COMPLETION_RATE_PERCENT, 0, true, RuleAction.NOTIFY)),
        Duration.ZERO, Duration.ofHours(-24), new LessonDatabaseProperties("postgres://db/platform", "runbook", null));
    EnvironmentProperties env = withLessons(bad);

    List<String> problems = PropertiesCheck.problems(properties(env, URI.create("http://127.0.0.1:7300"), null));

    String at = "runbook.environments.prod.lessons";
    assertThat(problems).containsExactly(
        at + ".steps[1].weight must rise strictly within 1..100, was 20 after 50",
        at + ".steps[1].watch must not be negative, was PT-1S",
        at + ".steps: the last step must serve 100% of learners, was 20%",
        at + ".rules: at least one rule needs action rollback, or no window can ever be judged healthy",
        at + ".rules[0].metric must be one of lesson-error-rate-percent, lesson-completion-rate-percent,"
            + " lesson-negative-feedback-percent, custom, was error-rate-percent",
        at + ".rules[1].name must be given and unique, was 'errors'",
        at + ".rules[1].threshold is a percentage and must be within 0-100, was 500.0",
        at + ".rules[2]: metric custom needs a query (PromQL)",
        at + ".rules[2]: metric custom needs metrics: prometheus",
        at + ".rules[3].threshold of a relative rule is a factor of the stable value and must be positive",
        at + ".update-watch must be a positive duration like 30s or 5m, was PT0S",
        at + ".flag-removal-after must be a positive duration like 30s or 5m, was PT-24H",
        at + ".database.url must be a JDBC URL such as jdbc:postgresql://db:5432/platform, was"
            + " 'postgres://db/platform'; leave database out to use the worker's own");
  }

  @Test
  void aLessonRuleAmongTheCodeRulesIsPointedToTheLessonsSection() {
    EnvironmentProperties env = environment("sandbox", "sandbox",
        lessonRule("lesson-errors", MetricKind.LESSON_ERROR_RATE_PERCENT, 5, false, RuleAction.ROLLBACK));
    assertThat(PropertiesCheck.problems(properties(env, URI.create("http://127.0.0.1:7300"), null))).containsExactly(
        "runbook.environments.prod.rules[0].metric lesson-error-rate-percent reads lesson traffic; put the rule under"
            + " runbook.environments.prod.lessons.rules");
  }

  private static LessonProperties seedLessons() {
    return new LessonProperties(List.of(new StepProperties(10, Duration.ofHours(1), true),
        new StepProperties(50, Duration.ofHours(2), true), new StepProperties(100, Duration.ZERO, false)),
        List.of(new RuleProperties("completion-rate", MetricKind.LESSON_COMPLETION_RATE_PERCENT, Comparison.LESS_THAN,
            0.85, true, Duration.ofMinutes(15), Duration.ofMinutes(15), RuleAction.ROLLBACK, 50, null, null)),
        Duration.ofMinutes(10), Duration.ofHours(24), null);
  }

  private static EnvironmentProperties withLessons(LessonProperties lessons) {
    EnvironmentProperties e = environment("sandbox", "sandbox", rule(MetricKind.ERROR_RATE_PERCENT, 5, false));
    return new EnvironmentProperties(e.platform(), e.metrics(), e.services(), e.rules(), e.approval(),
        e.pollInterval(), e.heartbeatTimeout(), e.deployTimeout(), e.codeDeploy(), e.emergencyDeploy(), lessons);
  }

  private static RuleProperties lessonRule(String name, MetricKind metric, double threshold, boolean relative,
      RuleAction action) {
    return new RuleProperties(name, metric, relative ? Comparison.LESS_THAN : Comparison.GREATER_THAN, threshold,
        relative, Duration.ofMinutes(5), Duration.ofMinutes(5), action, 50, null, null);
  }

  private static RunbookProperties properties(EnvironmentProperties env, URI sandbox, URI prometheus) {
    return new RunbookProperties("runbook", false, sandbox, prometheus, null, null, Map.of("prod", env), Map.of());
  }

  private static EnvironmentProperties environment(String platform, String metrics, RuleProperties rule) {
    return new EnvironmentProperties(platform, metrics, List.of("learning-api"), List.of(rule),
        new ApprovalProperties(true, List.of("alice", "bob"), false, Duration.ofHours(1), ApprovalTimeoutAction.HOLD_AND_REMIND,
            Duration.ofMinutes(30)),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10),
        new CodeDeployProperties(List.of(new StepProperties(10, Duration.ofMinutes(30), true),
            new StepProperties(100, Duration.ofMinutes(15), false)), Duration.ofMinutes(10), null, null),
        new EmergencyDeployProperties(Duration.ofHours(2), Duration.ofMinutes(10)), null);
  }

  private static RuleProperties rule(MetricKind metric, double threshold, boolean relative) {
    return new RuleProperties("r-" + metric.name().toLowerCase(), metric, Comparison.GREATER_THAN, threshold, relative,
        Duration.ofMinutes(2), Duration.ofMinutes(1), RuleAction.ROLLBACK, 50, null, null);
  }
}
