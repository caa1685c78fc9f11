package dev.runbook.activities.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.sandbox.Sandbox;
import dev.runbook.sandbox.SandboxOptions;
import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The multi-platform activities over real HTTP against the sandbox's Fly, Railway and Render stand-ins. */
class SandboxHostedPlatformsTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Sandbox sandbox;
  private static MultiPlatformActivitiesImpl activities;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.ephemeral().withLoad(false));
    URI admin = URI.create(sandbox.adminUrl());
    activities = new MultiPlatformActivitiesImpl(Map.of("local", List.of(
        spec("fly", "primary", admin), spec("railway", "secondary", admin), spec("render", "tertiary", admin))),
        Duration.ofMillis(100));
  }

  private static HostedPlatformSpec spec(String name, String role, URI admin) {
    return new HostedPlatformSpec(name, role, Duration.ofMillis(400), new SandboxPlatformAdapter(name, name, admin, CLIENT));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static PlatformCall call(String platform, String version, PlatformRelease recorded) {
    return new PlatformCall(platform, "local", "web", version, recorded);
  }

  @Test
  void recordDeployHealthAndRollBackToTheRecordedImageEachOnlyOnce() {
    PlatformRelease before = activities.recordPlatformRelease(call("fly", null, null));
    assertThat(before.version()).isEqualTo("v2.0.0");

    PlatformRelease deployed = activities.deployToPlatform(call("fly", "v2.1.0", null));
    assertThat(deployed.version()).isEqualTo("v2.1.0");
    assertThat(activities.deployToPlatform(call("fly", "v2.1.0", null))).as("a retry finds it landed").isEqualTo(deployed);
    assertThat(activities.checkPlatformHealth(call("fly", "v2.1.0", null)).healthy()).isTrue();

    PlatformRelease back = activities.rollBackPlatform(call("fly", "v2.0.0", before));
    assertThat(back.version()).isEqualTo("v2.0.0");
    assertThat(back.image()).isEqualTo(before.image());
    assertThat(activities.rollBackPlatform(call("fly", "v2.0.0", before))).as("a retry finds it back").isEqualTo(back);
    assertThat(sandbox.hostedPlatforms().platform("fly").releases("web")).hasSize(3);
    assertThat(sandbox.hostedPlatforms().platform("railway").current("web").version()).isEqualTo("v2.0.0");
  }

  @Test
  void anUnhealthyVersionFailsItsCheckAndARefusedRollbackIsNonRetryable() throws Exception {
    PlatformRelease before = activities.recordPlatformRelease(call("render", null, null));
    fault("render", "{\"version\":\"v2.2.0\",\"failHealth\":true,\"failRollback\":true}");
    activities.deployToPlatform(call("render", "v2.2.0", null));
    var health = activities.checkPlatformHealth(call("render", "v2.2.0", null));
    assertThat(health.healthy()).isFalse();
    assertThat(health.detail()).contains("503", "probes over");

    assertThatThrownBy(() -> activities.rollBackPlatform(call("render", before.version(), before)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(MultiPlatformActivities.ROLLBACK_REFUSED);
          assertThat(f.getOriginalMessage()).contains("rollback failed");
        });
    sandbox.hostedPlatforms().platform("render").clearFaults();
    assertThat(activities.rollBackPlatform(call("render", before.version(), before)).version()).isEqualTo("v2.0.0");
  }

  @Test
  void platformsOutsideTheConfigurationAreRefusedInConfiguredOrder() {
    assertThat(activities.planPlatforms("local", List.of("render", "fly"))).extracting(t -> t.name())
        .containsExactly("fly", "render");
    assertThatThrownBy(() -> activities.planPlatforms("local", List.of("fly", "heroku")))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(MultiPlatformActivities.UNKNOWN_PLATFORM);
          assertThat(f.getOriginalMessage()).isEqualTo("unknown platform 'heroku' in local; configured: fly, railway, render");
        });
    assertThatThrownBy(() -> activities.planPlatforms("staging", null)).hasMessageContaining("no platforms configured");
  }

  private static void fault(String platform, String body) throws Exception {
    String url = sandbox.hostedPlatforms().urls().get(platform) + "/api/services/web/faults";
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }
}
