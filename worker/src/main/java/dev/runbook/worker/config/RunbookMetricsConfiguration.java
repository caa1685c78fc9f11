package dev.runbook.worker.config;

import dev.runbook.activities.watch.OpenWatches;
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
