package dev.runbook.starter.deploy;

import dev.runbook.testkit.Command;
import static dev.runbook.starter.deploy.ResolvedCompose.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.starter.deploy.ComposeModel.Port;
import dev.runbook.starter.deploy.ComposeModel.Service;
import dev.runbook.workflows.api.SearchAttributeKeys;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked by Debian's real docker-compose (`config` needs no Docker engine)
 * and then by what it must hold: the whole cluster, pinned images, the UI on 8080, ports on
 * loopback only, the search attributes the workflows set, the worker wired through the
 * environment its configuration reads.
 */
class ComposeFileTest {
  private static final List<String> SERVICES = List.of("postgres", "temporal-schema", "temporal", "temporal-namespace",
      "temporal-search-attributes", "temporal-ui", "platform-migrations", "sandbox", "worker", "prometheus", "grafana");

  private final ComposeModel compose = ResolvedCompose.get();

  @Test
  void composeAcceptsTheFileWithEveryServiceOfTheCluster() {
    assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);
  }

  @Test
  void everyImageIsPinnedToAVersion() {
    compose.services().forEach((name, s) -> assertThat(s.image()).as(name).isNotNull()
        .matches("[a-z0-9./_-]+:v?\\d+(\\.\\d+)+[A-Za-z0-9._-]*"));
    assertThat(compose.service("worker").buildTarget()).isEqualTo("worker");
    assertThat(compose.service("sandbox").buildTarget()).isEqualTo("sandbox");
  }

  @Test
  void theTemporalUiListensOn8080AndTalksToTheServer() {
    Service ui = compose.service("temporal-ui");
    assertThat(ui.ports()).containsExactly(new Port("127.0.0.1", 8080, 8080));
    assertThat(ui.environment()).containsEntry("TEMPORAL_ADDRESS", "temporal:7233");
    assertThat(ui.environment().get("TEMPORAL_CORS_ORIGINS")).contains("http://localhost:8080");
  }

  /** Nothing in the cluster authenticates: every published port is on the host's loopback. */
  @Test
  void onlyTheIntendedPortsArePublishedAndOnlyOnLoopback() {
    Map<String, List<Port>> published = new LinkedHashMap<>();
    compose.services().forEach((name, s) -> {
      if (!s.ports().isEmpty()) {
        published.put(name, s.ports());
      }
    });
    assertThat(published).isEqualTo(Map.of(
        "temporal", List.of(new Port("127.0.0.1", 7233, 7233)),
        "temporal-ui", List.of(new Port("127.0.0.1", 8080, 8080)),
        "worker", List.of(new Port("127.0.0.1", 8081, 8081)),
        "prometheus", List.of(new Port("127.0.0.1", 9090, 9090)),
        "grafana", List.of(new Port("127.0.0.1", 3000, 3000))));
  }

  @Test
  void theOneShotContainerRegistersEverySearchAttributeTheWorkflowsSetBeforeTheWorkerStarts() throws Exception {
    Service setup = compose.service("temporal-search-attributes");
    List<String> registered = List.of(setup.environment().get("RUNBOOK_SEARCH_ATTRIBUTES").trim().split("\\s+"));
    assertThat(registered).containsExactlyElementsOf(SearchAttributeKeys.ALL.stream().map(SearchAttributeKey::getName).toList());
    // the script registers them as Keyword, and that is what every key is
    assertThat(SearchAttributeKeys.ALL).allSatisfy(key ->
        assertThat(key.getValueType()).isEqualTo(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Path script = REPO.resolve("deploy/temporal/register-search-attributes.sh");
    assertThat(setup.command().toString()).contains(
        ComposeModel.bindOf(setup, script.getParent()).target() + "/" + script.getFileName());
    assertThat(Files.readString(script)).contains("for name in $RUNBOOK_SEARCH_ATTRIBUTES", "--type Keyword");

    assertThat(compose.service("temporal-search-attributes").dependsOn())
        .containsEntry("temporal-namespace", "service_completed_successfully");
    assertThat(compose.service("temporal-namespace").dependsOn()).containsEntry("temporal", "service_healthy");
    assertThat(compose.service("temporal").dependsOn()).containsEntry("temporal-schema", "service_completed_successfully");
    assertThat(compose.service("worker").dependsOn())
        .containsEntry("temporal-search-attributes", "service_completed_successfully")
        .containsEntry("postgres", "service_healthy")
        .containsEntry("platform-migrations", "service_completed_successfully");
  }

  /** Every RUNBOOK_* variable the compose file gives the worker is one its configuration reads. */
  @Test
  void theWorkerIsWiredThroughTheEnvironmentItsConfigurationReads() throws Exception {
    Map<String, String> env = compose.service("worker").environment();
    assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "compose")
        .containsEntry("RUNBOOK_TEMPORAL_ADDRESS", "temporal:7233")
        .containsEntry("RUNBOOK_DB_URL", "jdbc:postgresql://postgres:5432/runbook")
        .containsEntry("RUNBOOK_PROMETHEUS_URL", "http://prometheus:9090")
        .containsEntry("RUNBOOK_SANDBOX_URL", "http://sandbox:7300");
    Path resources = REPO.resolve("worker/src/main/resources");
    String configuration = Files.readString(resources.resolve("application.yml"))
        + Files.readString(resources.resolve("application-compose.yml"));
    assertThat(env.keySet().stream().filter(k -> k.startsWith("RUNBOOK_")))
        .allSatisfy(k -> assertThat(configuration).as("the worker reads %s", k).contains("${" + k + ":"));
    // the sandbox answers where the worker looks for it, reachable over the compose network
    assertThat(compose.service("sandbox").command().toString()).contains("--bind=0.0.0.0", "--port=7300");
  }

  @Test
  void everyMountedFileIsInTheRepositoryAndEveryScriptIsValidShell() {
    compose.services().forEach((name, s) -> s.binds().forEach(bind -> {
      Path source = Path.of(bind.source());
      assertThat(source).as("%s mounts %s", name, source).startsWith(REPO).exists();
    }));
    try (var scripts = Files.list(REPO.resolve("deploy/temporal"))) {
      List<Path> shell = scripts.filter(f -> f.toString().endsWith(".sh")).toList();
      assertThat(shell).hasSize(3);
      for (Path script : shell) {
        Command.Result syntax = Command.of(REPO, "sh", "-n", script.toString()).run(Duration.ofSeconds(10));
        assertThat(syntax.exit()).as("sh -n %s: %s", script, syntax.err()).isZero();
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
