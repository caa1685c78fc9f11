package dev.runbook.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.sandbox.Sandbox;
import dev.runbook.sandbox.SandboxOptions;
import dev.runbook.workflows.contract.ConfigChange;
import dev.runbook.workflows.contract.ConfigSnapshot;
import dev.runbook.workflows.contract.InstanceHealth;
import dev.runbook.workflows.contract.InstanceState;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Instances and config through the activities, against the real sandbox on loopback. */
class SandboxInstanceActivitiesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SVC = "learning-api";
  private static Sandbox sandbox;
  private static SandboxInstanceActivities instances;

  /** One sandbox for the class: the tests use different instances and compare config revisions relatively. */
  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.ephemeral().withLoad(false).withSeed(7L));
    Map<String, String> env = Map.of("DB_PASSWORD_FILE_LESS", "hunter2");
    instances = new SandboxInstanceActivities("sandbox", URI.create(sandbox.adminUrl()), HTTP,
        new SecretReferences(env::get));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void replacingABatchIsIdempotentAndItsHealthIsCheckedOverHttp() throws Exception {
    assertThat(instances.listInstances("sandbox", SVC, "local", "blue")).extracting(InstanceState::version)
        .containsExactly("v1.5.0", "v1.5.0", "v1.5.0", "v1.5.0");

    instances.replaceInstance("sandbox", SVC, "local", "blue", 0, "v1.5.1");
    instances.replaceInstance("sandbox", SVC, "local", "blue", 0, "v1.5.1");
    instances.replaceInstance("sandbox", SVC, "local", "blue", 1, "v1.5.1");

    assertThat(instances.listInstances("sandbox", SVC, "local", "blue")).extracting(InstanceState::version)
        .containsExactly("v1.5.1", "v1.5.1", "v1.5.0", "v1.5.0");
    assertThat(log().split("\"action\":\"replace\"", -1)).as("a retried replace acts once").hasSize(3);
    assertThat(instances.checkInstances("sandbox", SVC, "local", "blue", List.of(0, 1), 2).healthy()).isTrue();

    instances.replaceInstance("sandbox", SVC, "local", "blue", 2, "v1.6.2"); // fails its health check
    InstanceHealth broken = instances.checkInstances("sandbox", SVC, "local", "blue", List.of(1, 2), 1);
    assertThat(broken.healthy()).isFalse();
    assertThat(broken.unhealthy()).containsExactly(2);
    assertThat(broken.detail()).contains("instance 2: 503");
  }

  @Test
  void aConfigChangeResolvesItsSecretOnTheWorkerAndIsRestoredByRevision() throws Exception {
    ConfigSnapshot before = instances.readConfig("sandbox", SVC, "local");
    ConfigSnapshot after = instances.applyConfig("sandbox", SVC, "local", new ConfigChange(
        Map.of("REQUEST_TIMEOUT_MS", "abc"), Map.of("DB_PASSWORD", "env:DB_PASSWORD_FILE_LESS"), List.of()));
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(after.keys()).containsExactly("REQUEST_TIMEOUT_MS");
    assertThat(after.secrets()).containsExactly("DB_PASSWORD");
    assertThat(after.toString()).doesNotContain("hunter2");
    assertThat(get(sandbox.adminUrl() + "/api/services/learning-api/config")).doesNotContain("hunter2");

    instances.restartInstance("sandbox", SVC, "local", "blue", 3);
    instances.restartInstance("sandbox", SVC, "local", "blue", 3);
    assertThat(instances.listInstances("sandbox", SVC, "local", "blue").get(3).configRevision()).isEqualTo(after.revision());
    assertThat(instances.checkInstances("sandbox", SVC, "local", "blue", List.of(3), 1).healthy())
        .as("a timeout it cannot parse makes the instance unhealthy").isFalse();

    ConfigSnapshot restored = instances.restoreConfig("sandbox", SVC, "local", before.revision());
    assertThat(restored.hash()).isEqualTo(before.hash());
    instances.restartInstance("sandbox", SVC, "local", "blue", 3);
    assertThat(instances.checkInstances("sandbox", SVC, "local", "blue", List.of(3), 2).healthy()).isTrue();
  }

  @Test
  void secretsAsPlainValuesAndOtherPlatformsAreRefusedWithoutRetry() {
    int revision = instances.readConfig("sandbox", SVC, "local").revision();
    assertThatThrownBy(() -> instances.applyConfig("sandbox", SVC, "local",
        new ConfigChange(Map.of(), Map.of("DB_PASSWORD", "hunter2"), List.of())))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("a secret is given as a reference").doesNotContain("hunter2");
        });
    assertThatThrownBy(() -> instances.applyConfig("sandbox", SVC, "local",
        new ConfigChange(Map.of(), Map.of("DB_PASSWORD", "env:NOT_SET_ANYWHERE"), List.of())))
        .hasMessageContaining("no environment variable NOT_SET_ANYWHERE");
    assertThatThrownBy(() -> instances.listInstances("kubectl", SVC, "production", "blue"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
    assertThatThrownBy(() -> instances.replaceInstance("sandbox", SVC, "local", "blue", 9, "v1.5.1"))
        .hasMessageContaining("instance 9");
    assertThat(instances.readConfig("sandbox", SVC, "local").revision()).as("nothing changed").isEqualTo(revision);
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String log() throws Exception {
    return get(sandbox.adminUrl() + "/api/log");
  }
}
