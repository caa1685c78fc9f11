package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

/**
 * Each procedure's section of an environment, bound from YAML as the worker binds it: the sections,
 * the flat keys they replaced (still read, with a warning naming the new keys), both at once (a
 * start-up problem), and the defaults.
 */
class ProcedureSectionsTest {
  private static final String SHARED = """
      runbook:
        sandbox-url: http://127.0.0.1:7300
        environments:
          qa:
            platform: sandbox
            metrics: sandbox
            services: [web]
            approval: {manual: false, approvers: [alice], timeout: 1h, remind-every: 30m}
            rules:
              - {name: error-rate, metric: error-rate-percent, threshold: 5, lookback: 1m, action: rollback}
      """;
  private static final RolloutPolicy CANARY =
      new RolloutPolicy(List.of(new RolloutStep(10, 60, true), new RolloutStep(100, 30, false)), 180);
  private static final String AT = "runbook.environments.qa.";

  @Test
  void theSectionsGiveEachProcedureItsPart() throws Exception {
    RunbookProperties p = bind("""
            code-deploy:
              steps: [{weight: 10, watch: 1m, gate: true}, {weight: 100, watch: 30s, gate: false}]
              retire-after: 3m
            emergency-deploy: {watch: 20m, retire-after: 5m}
        """);

    assertThat(PropertiesCheck.problems(p)).isEmpty();
    assertThat(PropertiesCheck.deprecations(p)).isEmpty();
    EnvironmentSettings qa = qa(p);
    assertThat(qa.codeDeploy()).isEqualTo(CANARY);
    assertThat(qa.emergencyDeploy()).isEqualTo(new EmergencyPolicy(1200, 300));
  }

  @Test
  void theFlatKeysOfAnEarlierConfigurationStillReadWithAWarningNamingTheNewKeys() throws Exception {
    RunbookProperties p = bind("""
            steps: [{weight: 10, watch: 1m, gate: true}, {weight: 100, watch: 30s, gate: false}]
            retire-after: 3m
            emergency-watch: 20m
        """);

    assertThat(PropertiesCheck.problems(p)).isEmpty();
    EnvironmentSettings qa = qa(p);
    assertThat(qa.codeDeploy()).isEqualTo(CANARY);
    assertThat(qa.emergencyDeploy()).isEqualTo(new EmergencyPolicy(1200, 180));
    assertThat(PropertiesCheck.deprecations(p)).containsExactly(
        AT + "steps is deprecated and read for now: write " + AT + "code-deploy.steps instead",
        AT + "retire-after is deprecated and read for now: write " + AT + "code-deploy.retire-after and "
            + AT + "emergency-deploy.retire-after instead",
        AT + "emergency-watch is deprecated and read for now: write " + AT + "emergency-deploy.watch instead");
  }

  @Test
  void aKeyGivenBothFlatAndInItsSectionIsAProblemNamingBoth() throws Exception {
    RunbookProperties p = bind("""
            steps: [{weight: 100, watch: 30s, gate: false}]
            retire-after: 3m
            code-deploy:
              steps: [{weight: 10, watch: 1m, gate: true}, {weight: 100, watch: 30s, gate: false}]
            emergency-deploy: {retire-after: 5m}
        """);

    assertThat(PropertiesCheck.problems(p)).containsExactly(
        AT + "steps and " + AT + "code-deploy.steps are both set: steps is the deprecated name of code-deploy.steps;"
            + " set those and remove steps",
        AT + "retire-after and " + AT + "emergency-deploy.retire-after are both set: retire-after is the deprecated"
            + " name of code-deploy.retire-after and emergency-deploy.retire-after; set those and remove retire-after");
  }

  @Test
  void unsetKeysTakeTheirDefaultsAndMissingStepsStopTheCatalog() throws Exception {
    RunbookProperties p = bind("""
            code-deploy:
              steps: [{weight: 100, watch: 30s, gate: false}]
        """);

    assertThat(qa(p).codeDeploy().retireAfterSeconds()).isEqualTo(600);
    assertThat(qa(p).emergencyDeploy()).isEqualTo(new EmergencyPolicy(7200, 600));

    RunbookProperties withoutSteps = bind("    poll-interval: 10s\n");
    assertThatThrownBy(() -> PolicyCatalogFactory.build(withoutSteps))
        .hasMessageContaining("environment 'qa': code-deploy: steps must list at least one rollout step");
  }

  private static EnvironmentSettings qa(RunbookProperties p) {
    return PolicyCatalogFactory.build(p).environment("qa").orElseThrow();
  }

  /** Binds the shared environment plus {@code sections} (indented under {@code qa}) as the worker does. */
  private static RunbookProperties bind(String sections) throws Exception {
    String yaml = SHARED + sections.replaceAll("(?m)^    ", "      ");
    var sources = new YamlPropertySourceLoader().load("qa.yml",
        new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "qa.yml"));
    return new Binder(ConfigurationPropertySources.from(sources)).bind("runbook", RunbookProperties.class).get();
  }
}
