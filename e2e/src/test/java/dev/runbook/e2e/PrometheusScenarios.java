package dev.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.starter.deploy.DeployQueries;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deploys judged through the stack's real Prometheus: environment {@code prom}
 * (e2e-environments.yml) deploys the sandbox's prom-api (a copy of learning-api) like {@code local}
 * would, but its watch rules run the built-in PromQL against Prometheus scraping the sandbox every
 * second. Runs on the shared stack ({@link SharedStack}), so no extra stack is started.
 */
final class PrometheusScenarios {
  static final String ENV = "prom";
  static final String SERVICE = "prom-api";
  private final StackDriver driver;
  private final PromQuery prometheus;

  PrometheusScenarios(StackDriver driver) {
    this.driver = driver;
    this.prometheus = new PromQuery(driver.stack.prometheusUrl());
  }

  /** A deploy that ends rolled back by {@code rule}, read through Prometheus. */
  RunbookResult rolledBackBy(String version, String rule) throws Exception {
    WorkflowStub run = driver.startCodeDeploy(SERVICE, ENV, version);
    RunbookResult result = run.getResult(120, TimeUnit.SECONDS, RunbookResult.class);
    assertThat(result.outcome()).as("%s: %s", version, result.reason()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).as(version).contains(rule);
    return result;
  }

  /**
   * The healthy release deployed at once on the colour the slow one just left: its first window
   * must pass on its own p95, not the slow release's requests still inside the lookback. Promoted
   * to the end (an approval wait for the dashboard).
   */
  RunbookStatus healthyRightAfterSlow(String version) throws Exception {
    WorkflowStub run = driver.startCodeDeploy(SERVICE, ENV, version);
    RunbookStatus atGate = driver.await(run, s -> s.phase() == Phase.AWAITING_APPROVAL, Duration.ofSeconds(90));
    assertThat(atGate.phase()).as("%s passed its first window: %s", version, atGate.log()).isEqualTo(Phase.AWAITING_APPROVAL);
    RunbookResult result = driver.finishPromoting(run, Duration.ofSeconds(90));
    assertThat(result.outcome()).as("%s: %s", version, result.reason()).isEqualTo(Outcome.SUCCEEDED);
    return atGate;
  }

  /** Latest p95 observation of a status, for the report of the healthy release. */
  static Double p95(RunbookStatus status) {
    return status.observations().stream().filter(o -> o.rule().equals("p95-latency"))
        .map(RuleObservation::value).findFirst().orElse(null);
  }

  /**
   * Every query of the Grafana dashboard and every alert's measure answers with series from this
   * Prometheus: the names and labels they read are the ones the worker and the sandbox export.
   */
  Map<String, JsonNode> everyShippedQueryHasSeries(Path repo) throws Exception {
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    for (String expr : DeployQueries.dashboard(repo)) {
      String q = DeployQueries.withGrafanaVariables(expr);
      answers.put(q, prometheus.awaitNonEmpty(q, Duration.ofSeconds(30)));
    }
    for (String expr : DeployQueries.alerts(repo)) {
      String q = DeployQueries.measured(expr);
      answers.put(q, prometheus.awaitNonEmpty(q, Duration.ofSeconds(30)));
    }
    answers.forEach((q, result) -> assertThat(result).as("no series for %s", q).isNotEmpty());
    return answers;
  }
}
