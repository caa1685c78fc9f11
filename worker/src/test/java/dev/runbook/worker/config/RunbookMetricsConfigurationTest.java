package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.MetricsTag;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The path a workflow's counter takes to {@code /actuator/prometheus}: the SDK's tagged scope, the
 * SDK's Micrometer reporter, the worker's filter, the Prometheus registry.
 */
class RunbookMetricsConfigurationTest {

  @Test
  void runbookMetersKeepTheirOwnLabelsAndTemporalMetersKeepTheSdks() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(RunbookMetricsConfiguration.runbookLabelsOnly());
    Scope root = new RootScopeBuilder().reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofMillis(10));
    // what Workflow.getMetricsScope() is: the root tagged with the SDK's defaults and the workflow's tags
    Scope workflow = root.tagged(MetricsTag.defaultTags("default"))
        .tagged(Map.of(MetricsTag.TASK_QUEUE, "runbook", MetricsTag.WORKFLOW_TYPE, "CodeDeploy"));
    Scope run = workflow.tagged(Map.of("procedure", "code-deploy", "environment", "production"));
    run.tagged(Map.of("outcome", "REFUSED")).counter("runbook_runs").inc(1);
    // started at 0 by the worker; the workflow's increment must land on the same series
    io.micrometer.core.instrument.Counter.builder("runbook_rollbacks_incomplete")
        .tags("procedure", "code-deploy", "environment", "production").register(registry);
    run.counter("runbook_rollbacks_incomplete").inc(1);
    run.timer("runbook_breach_to_rollback").record(com.uber.m3.util.Duration.ofMillis(1500));
    workflow.counter("temporal_example").inc(1);
    root.close();

    String text = registry.scrape();

    assertThat(text).contains(
        "runbook_runs_total{environment=\"production\",outcome=\"REFUSED\",procedure=\"code-deploy\"} 1.0",
        "runbook_breach_to_rollback_seconds_bucket{environment=\"production\",procedure=\"code-deploy\",le=\"+Inf\"} 1",
        "runbook_rollbacks_incomplete_total{environment=\"production\",procedure=\"code-deploy\"} 1.0",
        "runbook_breach_to_rollback_seconds_sum{environment=\"production\",procedure=\"code-deploy\"} 1.5");
    assertThat(text.lines().filter(l -> l.startsWith("runbook_")))
        .isNotEmpty().noneMatch(l -> l.contains("activity_type") || l.contains("task_queue") || l.contains("namespace"));
    assertThat(text).containsPattern("temporal_example_total\\{[^}]*activity_type=\"none\"");
  }
}
