package dev.runbook.starter.deploy;

import static dev.runbook.starter.deploy.ResolvedCompose.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.starter.deploy.ComposeModel.Service;
import dev.runbook.starter.stack.RunbookHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files docker-compose.yml mounts and builds agree with it: Prometheus scrapes the worker and
 * the sandbox and loads the mounted rules, Grafana finds its Prometheus and the dashboards, and
 * the Dockerfile builds the jars the stack runs from pinned images.
 */
class DeployConfigTest {
  private final ComposeModel compose = ResolvedCompose.get();

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesTheWorkerAndTheSandboxAndLoadsTheMountedRules() throws Exception {
    Service prometheus = compose.service("prometheus");
    Path config = REPO.resolve("deploy/prometheus/prometheus.yml");
    Path rules = REPO.resolve("deploy/prometheus/rules.yml");
    String configTarget = ComposeModel.bindOf(prometheus, config).target();
    assertThat(prometheus.command().toString()).contains("--config.file=" + configTarget);

    Map<String, Object> parsed = yaml(config);
    assertThat((List<String>) parsed.get("rule_files")).containsExactly(ComposeModel.bindOf(prometheus, rules).target());
    Map<String, String> scraped = new java.util.TreeMap<>();
    List<String> jobs = new ArrayList<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) parsed.get("scrape_configs")) {
      jobs.add((String) job.get("job_name"));
      for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
        for (String target : (List<String>) group.get("targets")) {
          scraped.put(target, (String) job.get("metrics_path"));
        }
      }
    }
    assertThat(scraped).isEqualTo(Map.of("worker:8081", "/actuator/prometheus", "sandbox:7300", "/metrics"));
    assertThat(compose.services()).containsKeys("worker", "sandbox");
    assertThat(yaml(rules)).containsKey("groups");
    // an alert on a job (the worker down) names a job this configuration scrapes
    Matcher job = Pattern.compile("job=\"([^\"]+)\"").matcher(Files.readString(rules));
    while (job.find()) {
      assertThat(jobs).as("rules.yml names job %s", job.group(1)).contains(job.group(1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void grafanaFindsItsPrometheusAndTheMountedDashboards() throws Exception {
    Service grafana = compose.service("grafana");
    Path provisioning = REPO.resolve("deploy/grafana/provisioning");
    assertThat(ComposeModel.bindOf(grafana, provisioning).target()).isEqualTo("/etc/grafana/provisioning");

    Map<String, Object> source = ((List<Map<String, Object>>) yaml(provisioning.resolve("datasources/prometheus.yml"))
        .get("datasources")).get(0);
    assertThat(source).containsEntry("type", "prometheus").containsEntry("uid", "prometheus")
        .containsEntry("url", "http://prometheus:9090");

    Path dashboards = REPO.resolve("deploy/grafana/dashboards");
    Map<String, Object> provider = ((List<Map<String, Object>>) yaml(provisioning.resolve("dashboards/runbook.yml"))
        .get("providers")).get(0);
    assertThat(((Map<String, Object>) provider.get("options")).get("path"))
        .isEqualTo(ComposeModel.bindOf(grafana, dashboards).target());
    try (var files = Files.list(dashboards)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertThat(json).isNotEmpty();
      for (Path dashboard : json) {
        JsonNode parsed = new ObjectMapper().readTree(dashboard.toFile());
        assertThat(parsed.path("title").asText()).as(dashboard.toString()).isNotBlank();
      }
    }
  }

  @Test
  void theDockerfileBuildsTheJarsTheStackRunsFromPinnedImages() throws Exception {
    String dockerfile = Files.readString(REPO.resolve("Dockerfile"));
    List<String> stages = new ArrayList<>();
    Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(dockerfile);
    while (from.find()) {
      assertThat(from.group(1)).as("FROM %s", from.group(1)).matches("[a-z0-9./_-]+:\\d+(\\.\\d+)+[A-Za-z0-9._-]*");
      stages.add(from.group(2));
    }
    assertThat(stages).contains("build", "worker", "sandbox");
    assertThat(stages.get(stages.size() - 1)).as("a plain docker build gives the worker").isEqualTo("worker");
    assertThat(dockerfile)
        .contains("COPY --from=build /src/" + RunbookHome.WORKER_JAR + " ")
        .contains("COPY --from=build /src/" + RunbookHome.SANDBOX_JAR + " ");
    // the reactor reads every module's pom, even the ones it does not build
    String rootPom = Files.readString(REPO.resolve("pom.xml"));
    Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(rootPom);
    int modules = 0;
    while (module.find()) {
      assertThat(dockerfile).contains("COPY " + module.group(1) + "/pom.xml " + module.group(1) + "/");
      modules++;
    }
    assertThat(modules).isGreaterThanOrEqualTo(7);
  }

  private static Map<String, Object> yaml(Path file) throws java.io.IOException {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }
}
