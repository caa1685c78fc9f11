package dev.runbook.activities.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.registry.RegistryActivitiesImpl;
import dev.runbook.activities.support.TestPostgres;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.contract.StagingVerdict;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The staging-first rule reads the real release registry. */
class RegistryStagingFirstTest {
  private static TestPostgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = TestPostgres.startMigrated();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void productionAcceptsAVersionOnceACodeDeployOfItSucceededInStaging() {
    RegistryActivitiesImpl registry = new RegistryActivitiesImpl(pg.dataSource());
    RegistryStagingFirst rule = new RegistryStagingFirst(Map.of("production", "staging"), pg.dataSource());

    assertThat(rule.checkStaged("learning-api", "dev", "v1.6.0")).isEqualTo(StagingVerdict.notRequired());
    assertThat(rule.checkStaged("learning-api", "production", "v1.6.0"))
        .isEqualTo(new StagingVerdict("staging", false, "no successful code deploy of v1.6.0 in staging"));

    run(registry, "run-1", "v1.6.0", Outcome.ROLLED_BACK);
    run(registry, "run-2", "v1.5.9", Outcome.SUCCEEDED);
    assertThat(rule.checkStaged("learning-api", "production", "v1.6.0").satisfied()).isFalse();

    run(registry, "run-3", "v1.6.0", Outcome.SUCCEEDED);
    StagingVerdict staged = rule.checkStaged("learning-api", "production", "v1.6.0");
    assertThat(staged.satisfied()).isTrue();
    assertThat(staged.detail()).startsWith("deploy:learning-api:staging succeeded at ");
  }

  private static void run(RegistryActivitiesImpl registry, String runId, String version, Outcome outcome) {
    registry.recordRunStarted(new RunRecord(new RunHeader("code-deploy", "deploy:learning-api:staging", runId,
        "learning-api", "staging", version, "alice", null, null, System.currentTimeMillis())));
    registry.recordRunFinished("deploy:learning-api:staging", runId, outcome, "done", version);
  }
}
