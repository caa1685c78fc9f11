package dev.runbook.starter.deploy;

import dev.runbook.testkit.Command;
import static dev.runbook.starter.deploy.ResolvedCompose.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus files of the compose cluster, checked by Debian's real promtool: the scrape
 * configuration with its rule file, the alert rules, their unit tests (each alert fires on a
 * fixture series), and the Grafana dashboard's PromQL (parsed by promtool as recording rules).
 */
class PrometheusRulesTest {
  private static final Path DIR = REPO.resolve("deploy/prometheus");
  private static Promtool promtool;

  @BeforeAll
  static void provision() {
    promtool = Promtool.provision(Path.of("target"));
  }

  /**
   * prometheus.yml loads /etc/prometheus/rules.yml, where the compose file mounts rules.yml; the
   * check runs on a copy naming the file where it is here, which is the only difference.
   */
  @Test
  void theScrapeConfigurationAndItsRuleFileCheck(@TempDir Path tmp) throws Exception {
    String config = Files.readString(DIR.resolve("prometheus.yml"));
    assertThat(config).contains("- /etc/prometheus/rules.yml");
    Path copy = tmp.resolve("prometheus.yml");
    Files.writeString(copy, config.replace("- /etc/prometheus/rules.yml", "- " + DIR.resolve("rules.yml")));

    Command.Result checked = promtool.run(tmp, "check", "config", copy.toString());

    assertThat(checked.ok()).as(checked.describe(List.of("promtool check config"))).isTrue();
    assertThat(checked.out()).contains("SUCCESS: 1 rule files found");
  }

  @Test
  void everyAlertFiresOnItsFixtureSeries() throws Exception {
    Command.Result rules = promtool.run(DIR, "check", "rules", "rules.yml");
    assertThat(rules.ok()).as(rules.describe(List.of("promtool check rules"))).isTrue();
    assertThat(rules.out()).contains("SUCCESS: 4 rules found");

    assertThat(DeployQueries.alerts(REPO)).hasSize(4).allSatisfy(e ->
        assertThat(DeployQueries.measured(e)).as(e).isNotEqualTo(e));
    Command.Result tested = promtool.run(DIR, "test", "rules", "rules.test.yml");
    assertThat(tested.ok()).as(tested.describe(List.of("promtool test rules"))).isTrue();
  }

  @Test
  void theDashboardParsesAndEachOfItsQueriesIsValidPromQl(@TempDir Path tmp) throws Exception {
    List<String> exprs = DeployQueries.dashboard(REPO);
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(7);
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    for (int i = 0; i < exprs.size(); i++) {
      rules.append("      - record: dashboard:query_").append(i).append('\n')
          .append("        expr: '").append(DeployQueries.withGrafanaVariables(exprs.get(i)).replace("'", "''")).append("'\n");
    }
    Files.writeString(tmp.resolve("dashboard.rules.yml"), rules);

    Command.Result checked = promtool.run(tmp, "check", "rules", "dashboard.rules.yml");

    assertThat(checked.ok()).as(checked.describe(List.of("promtool check rules (dashboard queries)"))).isTrue();
  }
}
