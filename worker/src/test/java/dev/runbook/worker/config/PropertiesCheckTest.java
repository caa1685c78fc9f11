package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.kit.ApprovalTimeoutAction;
import dev.runbook.workflows.kit.Comparison;
import dev.runbook.workflows.kit.MetricKind;
import dev.runbook.workflows.kit.RuleAction;
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
  void everyProblemIsListedWithItsPropertyPath() {
    EnvironmentProperties env = new EnvironmentProperties("kubectl", "graphite", List.of("learning-api"),
        List.of(new StepProperties(10, Duration.ofMinutes(30), true), new StepProperties(100, Duration.ZERO, false)),
        List.of(rule(MetricKind.ERROR_RATE_PERCENT, 500, false), rule(MetricKind.CUSTOM, 1, false)),
        new ApprovalProperties(true, List.of(), false, Duration.ofHours(1), ApprovalTimeoutAction.HOLD_AND_REMIND, Duration.ZERO),
        Duration.ofSeconds(-1), Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofMinutes(10));

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
  void thePolicyCatalogRejectsStepsThatNeverReachFullTraffic() {
    EnvironmentProperties env = new EnvironmentProperties("sandbox", "sandbox", List.of("learning-api"),
        List.of(new StepProperties(50, Duration.ofMinutes(1), true)), List.of(rule(MetricKind.ERROR_RATE_PERCENT, 5, false)),
        new ApprovalProperties(false, List.of("alice"), true, Duration.ofHours(1), ApprovalTimeoutAction.ROLLBACK, Duration.ofMinutes(1)),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofMinutes(10));

    assertThatThrownBy(() -> PolicyCatalogFactory.build(properties(env, URI.create("http://127.0.0.1:7300"), null)))
        .hasMessageContaining("environment 'prod': the last step must send 100% of traffic, was 50%");
  }

  private static RunbookProperties properties(EnvironmentProperties env, URI sandbox, URI prometheus) {
    return new RunbookProperties("runbook", false, sandbox, prometheus, null, Map.of("prod", env), Map.of());
  }

  private static EnvironmentProperties environment(String platform, String metrics, RuleProperties rule) {
    return new EnvironmentProperties(platform, metrics, List.of("learning-api"),
        List.of(new StepProperties(10, Duration.ofMinutes(30), true), new StepProperties(100, Duration.ofMinutes(15), false)),
        List.of(rule),
        new ApprovalProperties(true, List.of("alice", "bob"), false, Duration.ofHours(1), ApprovalTimeoutAction.HOLD_AND_REMIND,
            Duration.ofMinutes(30)),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofMinutes(10));
  }

  private static RuleProperties rule(MetricKind metric, double threshold, boolean relative) {
    return new RuleProperties("r-" + metric.name().toLowerCase(), metric, Comparison.GREATER_THAN, threshold, relative,
        Duration.ofMinutes(2), Duration.ofMinutes(1), RuleAction.ROLLBACK, 50, null, null);
  }
}
