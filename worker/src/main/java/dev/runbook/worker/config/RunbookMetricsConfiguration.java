package dev.runbook.worker.config;

import dev.runbook.activities.watch.OpenWatches;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.api.Procedure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.temporal.serviceclient.MetricsTag;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's own meters on {@code /actuator/prometheus}, as the alert rules and the dashboard
 * read them.
 *
 * <p>The runbook counters come through the workflow metrics scope, which carries the SDK's tags
 * ({@code activity_type="none"}, {@code signal_name="none"}, {@code task_queue}, ...). Those say
 * nothing about a run and make every query name them, so {@link #runbookLabelsOnly()} keeps a
 * {@code runbook_*} meter's own labels only; Temporal's own {@code temporal_*} meters keep theirs.
 * The SDK's reporter publishes timers as histograms, so the dashboard plots their p95.
 */
@Configuration(proxyBeanMethods = false)
public class RunbookMetricsConfiguration {
  /** Every tag the SDK puts on its scopes: none of them is a runbook label. */
  static final Set<String> SDK_TAGS = Set.of(MetricsTag.NAMESPACE, MetricsTag.TASK_QUEUE, MetricsTag.WORKER_TYPE,
      MetricsTag.ACTIVITY_TYPE, MetricsTag.WORKFLOW_TYPE, MetricsTag.NEXUS_SERVICE, MetricsTag.NEXUS_OPERATION,
      MetricsTag.SIGNAL_NAME, MetricsTag.QUERY_TYPE, MetricsTag.UPDATE_NAME, MetricsTag.STATUS_CODE,
      MetricsTag.EXCEPTION, MetricsTag.OPERATION_NAME, MetricsTag.TASK_FAILURE_TYPE, MetricsTag.POLLER_TYPE);

  @Bean
  static MeterFilter runbookLabelsOnly() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!isRunbook(id)) {
          return id;
        }
        List<Tag> own = id.getTags().stream().filter(t -> !SDK_TAGS.contains(t.getKey())).toList();
        return id.replaceTags(own);
      }
    };
  }

  private static boolean isRunbook(Meter.Id id) {
    return id.getName().startsWith("runbook");
  }

  /** The counters the alerts take {@code increase()} of, whose workflows label them procedure and environment. */
  static final List<String> ALERT_COUNTERS = List.of("runbook.rollbacks.incomplete", "runbook.approvals.overdue");

  /**
   * Starts each alert counter at 0 for every procedure and configured environment. A counter that
   * first appears at 1 has no earlier sample, so {@code increase()} would miss the very first
   * incomplete rollback or overdue approval; the workflows' increments land on these same meters.
   */
  @Bean
  Object alertCountersFromZero(MeterRegistry registry, PolicyCatalog catalog) {
    List<Counter> counters = new java.util.ArrayList<>();
    for (String name : ALERT_COUNTERS) {
      for (Procedure procedure : Procedure.values()) {
        for (String environment : catalog.environmentNames()) {
          counters.add(Counter.builder(name.replace('.', '_'))
              .tags("procedure", procedure.cliName(), "environment", environment).register(registry));
        }
      }
    }
    return counters;
  }

  @Bean
  OpenWatches openWatches(MeterRegistry registry) {
    OpenWatches open = new OpenWatches(Clock.systemUTC()::millis);
    Gauge.builder("runbook.watches.open", open, OpenWatches::count)
        .description("watch windows open in this worker process").register(registry);
    Gauge.builder("runbook.watch.inconclusive.seconds.max", open, OpenWatches::longestInconclusiveSeconds)
        .description("how long the longest-inconclusive open watch window has had a rollback rule without a"
            + " conclusive reading, in seconds").register(registry);
    return open;
  }
}
