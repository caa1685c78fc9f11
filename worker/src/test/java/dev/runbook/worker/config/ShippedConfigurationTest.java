package dev.runbook.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.LessonSettings;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.DeployStrategy;
import dev.runbook.workflows.contract.RollingPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The policies shipped in application.yml, application-local.yml and application-compose.yml pass
 * the start-up checks.
 */
class ShippedConfigurationTest {

  private static RunbookProperties bind(String... files) throws Exception {
    List<PropertySource<?>> sources = new ArrayList<>();
    for (String file : files) { // the first file wins, as a profile's file does over application.yml
      sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
    }
    Binder binder = new Binder(ConfigurationPropertySources.from(sources),
        new PropertySourcesPlaceholdersResolver(sources));
    return binder.bind("runbook", RunbookProperties.class).get();
  }

  @Test
  void productionFollowsTheSeedsLessonRollout() throws Exception {
    RunbookProperties production = bind("application.yml");
    assertThat(PropertiesCheck.problems(production)).isEmpty();
    LessonSettings lessons = PolicyCatalogFactory.build(production).environment("production").orElseThrow().lessons();
    assertThat(lessons.steps()).containsExactly(new RolloutStep(10, 3600, true), new RolloutStep(50, 7200, true),
        new RolloutStep(100, 1800, false));
    assertThat(lessons.updateWatchSeconds()).isEqualTo(600);
    assertThat(lessons.flagRemovalAfterSeconds()).isEqualTo(86400);
    assertThat(lessons.rules()).extracting(WatchRule::name)
        .containsExactly("lesson-errors-warning", "lesson-errors", "completion-rate", "negative-feedback");
    WatchRule completion = lessons.rules().get(2);
    assertThat(completion.comparison()).isEqualTo(Comparison.LESS_THAN);
    assertThat(completion.relativeToStable()).isTrue();
    assertThat(completion.threshold()).isEqualTo(0.85);
    assertThat(completion.forSeconds()).isEqualTo(900);
  }

  @Test
  void productionGivesEachProcedureItsSeedValuesWithoutDeprecatedKeys() throws Exception {
    RunbookProperties production = bind("application.yml");
    assertThat(PropertiesCheck.deprecations(production)).isEmpty();
    EnvironmentSettings env = PolicyCatalogFactory.build(production).environment("production").orElseThrow();
    assertThat(env.codeDeploy()).isEqualTo(new RolloutPolicy(List.of(new RolloutStep(10, 1800, true),
        new RolloutStep(50, 3600, true), new RolloutStep(100, 900, false)), 600, DeployStrategy.CANARY,
        new RollingPolicy(1, 1, 600, 120)));
    assertThat(env.emergencyDeploy()).isEqualTo(new EmergencyPolicy(7200, 600));
    // seed 002: development team 0-15 min, technical leadership 15-30, executive 30-60; seed 000: report in 24h
    assertThat(env.incident().levels()).extracting(EscalationLevel::name, EscalationLevel::escalateAfterSeconds)
        .containsExactly(tuple("development team", 900L), tuple("technical leadership", 900L), tuple("executive", 1800L));
    assertThat(env.incident().reportDueSeconds()).isEqualTo(86_400);
    assertThat(PolicyCatalogFactory.build(bind("application-local.yml", "application.yml")).environment("local")
        .orElseThrow().incident().problems()).isEmpty();
    assertThat(PropertiesCheck.problems(bind("application-compose.yml", "application.yml"))).isEmpty();
  }

  @Test
  void theEmbeddedStackDeploysInSecondsWithoutDeprecatedKeys() throws Exception {
    RunbookProperties local = bind("application-local.yml", "application.yml");
    assertThat(PropertiesCheck.deprecations(local)).isEmpty();
    EnvironmentSettings env = PolicyCatalogFactory.build(local).environment("local").orElseThrow();
    assertThat(env.codeDeploy().steps()).extracting(RolloutStep::weight).containsExactly(10, 50, 100);
    assertThat(env.codeDeploy().retireAfterSeconds()).isEqualTo(3);
    assertThat(env.emergencyDeploy()).isEqualTo(new EmergencyPolicy(20, 3));
  }

  @Test
  void theEmbeddedStackRollsLessonsOutInSeconds() throws Exception {
    RunbookProperties local = bind("application-local.yml", "application.yml");
    assertThat(PropertiesCheck.problems(local)).isEmpty();
    PolicyCatalog catalog = PolicyCatalogFactory.build(local);
    LessonSettings lessons = catalog.environment("local").orElseThrow().lessons();
    assertThat(lessons.steps()).containsExactly(new RolloutStep(10, 10, true), new RolloutStep(50, 6, true),
        new RolloutStep(100, 4, false));
    assertThat(lessons.updateWatchSeconds()).isEqualTo(4);
    assertThat(lessons.flagRemovalAfterSeconds()).isEqualTo(5);
    // the sandbox gives a 10% flag 2-3 sessions a second: lookbacks of seconds, samples in the tens
    assertThat(lessons.rules()).allSatisfy(r -> {
      assertThat(r.lookbackSeconds()).isBetween(6L, 8L);
      assertThat(r.minSamples()).isBetween(10L, 20L);
    });
  }

  /**
   * docker-compose.yml's cluster drives the sandbox through real Prometheus: every window reads
   * enough scrapes of deploy/prometheus/prometheus.yml's interval for rate() and the sample counts.
   */
  @Test
  void theComposeClusterWatchesTheSandboxThroughPrometheusOverEnoughScrapes() throws Exception {
    RunbookProperties compose = bind("application-compose.yml", "application.yml");
    assertThat(PropertiesCheck.problems(compose)).isEmpty();
    EnvironmentSettings staging = PolicyCatalogFactory.build(compose).environment("staging").orElseThrow();
    assertThat(staging.platform()).isEqualTo("sandbox");
    assertThat(staging.metricsSource()).isEqualTo("prometheus");

    long scrapeSeconds = composeScrapeIntervalSeconds();
    assertThat(staging.pollSeconds()).isGreaterThanOrEqualTo(scrapeSeconds);
    List<WatchRule> rules = new ArrayList<>(staging.rules());
    rules.addAll(staging.lessons().rules());
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.lookbackSeconds()).as(r.name()).isGreaterThanOrEqualTo(4 * scrapeSeconds);
      if (r.metric() == MetricKind.HEALTH_CHECK_FAILURES) { // one probe_success sample per scrape
        assertThat(r.minSamples()).as(r.name()).isLessThanOrEqualTo(r.lookbackSeconds() / scrapeSeconds);
      }
    });
  }

  private static long composeScrapeIntervalSeconds() throws Exception {
    java.nio.file.Path config = java.nio.file.Path.of("../deploy/prometheus/prometheus.yml");
    java.util.Map<String, java.util.Map<String, Object>> parsed =
        new org.yaml.snakeyaml.Yaml().load(java.nio.file.Files.readString(config));
    String interval = String.valueOf(parsed.get("global").get("scrape_interval"));
    assertThat(interval).as("scrape_interval in %s", config).matches("\\d+s");
    return Long.parseLong(interval.substring(0, interval.length() - 1));
  }

  @Test
  void everyShippedHealthRuleIsSustainedAndSampleCounted() throws Exception {
    for (RunbookProperties shipped : List.of(bind("application.yml"), bind("application-local.yml", "application.yml"),
        bind("application-compose.yml", "application.yml"))) {
      List<WatchRule> health = PolicyCatalogFactory.build(shipped).environments().values().stream()
          .flatMap(e -> e.rules().stream())
          .filter(r -> r.metric() == MetricKind.HEALTH_CHECK_FAILURES)
          .toList();
      assertThat(health).isNotEmpty().allSatisfy(r -> {
        assertThat(r.forSeconds()).isPositive();
        assertThat(r.minSamples()).isPositive();
      });
    }
  }

  @Test
  void theEmbeddedStackMigratesThePlatformSchemaOfItsOwnPostgres() throws Exception {
    RunbookProperties local = bind("application-local.yml", "application.yml");
    assertThat(PropertiesCheck.problems(local)).isEmpty();
    SchemaMigrationProperties s = local.environments().get("local").schemaMigration();
    assertThat(s.database()).isNull(); // the worker's own database: runbook dev's Postgres
    assertThat(s.schemas()).containsExactly("platform");
    assertThat(s.migrations()).isEqualTo(java.nio.file.Path.of("platform-migrations"));
    assertThat(SchemaMigrationPropertiesCheck.window(s.window()).toString()).isEqualTo("02:00-04:00 UTC");

    dev.runbook.workflows.contract.SchemaMigrationPolicy policy = SchemaMigrationConfiguration.policy("local", s,
        PolicyCatalogFactory.build(local).environment("local").orElseThrow(), "postgres");
    assertThat(policy.environment().approval().approvers()).containsExactly("alice", "bob", "carol");
    assertThat(policy.window().margin()).isEqualTo(10);
    assertThat(policy.lockTimeoutSeconds()).isEqualTo(3);
    assertThat(policy.watchSeconds()).isEqualTo(10); // seconds locally; seed 000's 4h is the default
    assertThat(policy.validationQueries()).hasSize(1);
  }
}
