package dev.runbook.worker.config;

import dev.runbook.activities.platform.OrphanedTraffic;
import dev.runbook.activities.platform.PlatformActivitiesImpl;
import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.activities.registry.LostRunReconciler;
import dev.runbook.activities.registry.TemporalServerRuns;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Embedded stack only ({@code runbook.local-stack: true}): the Java test server keeps runs in
 * memory, so after a restart the registry may show runs as running that no server has any more.
 * At start-up each is marked LOST and a target no run owns gets its traffic back on the live
 * colour. A production cluster keeps its runs, so this never runs there. A failure here is logged
 * and never stops the worker: the runs stay as they were, to be reconciled on the next start. It
 * runs once every bean exists, before the web server answers health and before the Temporal
 * workers poll: a healthy worker has reconciled (so `runbook dev` can say which runs were lost),
 * and no new run can be mistaken for a lost one.
 */
@Component
@ConditionalOnProperty(name = "runbook.local-stack", havingValue = "true")
class LostRunsOnStart implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(LostRunsOnStart.class);

  private final LostRunReconciler reconciler;

  LostRunsOnStart(DataSource dataSource, WorkflowClient client, PlatformActivitiesImpl platformActivities,
      PolicyCatalog catalog) {
    OrphanedTraffic traffic = new OrphanedTraffic(platformActivities, (service, environment) -> catalog
        .environment(environment)
        .filter(env -> env.services().contains(service))
        .map(EnvironmentSettings::platform)
        .orElse(null));
    this.reconciler = new LostRunReconciler(dataSource, new TemporalServerRuns(client, Duration.ofSeconds(10)),
        traffic::restore, Clock.systemUTC());
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      List<LostRunReconciler.LostRun> lost = reconciler.reconcile();
      if (!lost.isEmpty()) {
        log.warn("{} run(s) in flight were lost with the previous embedded Temporal server and are marked LOST in"
            + " the registry: {}", lost.size(), lost.stream().map(LostRunReconciler.LostRun::workflowId).toList());
      }
    } catch (RuntimeException e) {
      log.error("could not reconcile the registry's open runs with Temporal; they stay as they were: {}", e.toString());
    }
  }
}
