package dev.runbook.activities.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.sandbox.Sandbox;
import dev.runbook.sandbox.SandboxOptions;
import dev.runbook.workflows.contract.MaintenanceRequest;
import dev.runbook.workflows.contract.MaintenanceStatus;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Maintenance on and off against a real sandbox on loopback, through its public front door. */
class SandboxMaintenanceActivitiesTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Sandbox sandbox;
  private static SandboxMaintenanceActivities maintenance;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(SandboxOptions.ephemeral().withLoad(false));
    maintenance = new SandboxMaintenanceActivities(Map.of("local", URI.create(sandbox.adminUrl()))::get, CLIENT);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void onAndOffAreIdempotentAndTheFrontDoorFollows() throws Exception {
    MaintenanceStatus on = maintenance.enableMaintenance(new MaintenanceRequest("local", "Back in 10 minutes", 300));
    assertThat(on.on()).isTrue();
    assertThat(on.message()).isEqualTo("Back in 10 minutes");
    HttpResponse<String> front = front();
    assertThat(front.statusCode()).isEqualTo(503);
    assertThat(front.headers().firstValue("Retry-After")).hasValue("300");
    assertThat(front.body()).contains("Back in 10 minutes");

    MaintenanceStatus again = maintenance.enableMaintenance(new MaintenanceRequest("local", "Back in 10 minutes", 300));
    assertThat(again.sinceMillis()).isEqualTo(on.sinceMillis());

    assertThat(maintenance.disableMaintenance("local").on()).isFalse();
    assertThat(maintenance.disableMaintenance("local").on()).isFalse();
    assertThat(front().statusCode()).isNotEqualTo(503);
  }

  @Test
  void aBlankMessageOrAnUnknownEnvironmentIsRefusedNonRetryably() {
    assertThatThrownBy(() -> maintenance.enableMaintenance(new MaintenanceRequest("local", " ", null)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(SandboxMaintenanceActivities.REJECTED);
        });
    assertThatThrownBy(() -> maintenance.enableMaintenance(new MaintenanceRequest("local", "x", -5)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("refused by the platform (400)", "must not be negative");
        });
    assertThatThrownBy(() -> maintenance.disableMaintenance("staging"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getOriginalMessage())
            .isEqualTo("environment 'staging' has no platform with a maintenance mode configured"));
    assertThat(maintenance.disableMaintenance("local").on()).isFalse();
  }

  @Test
  void anUnreachablePlatformIsRetried() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SandboxMaintenanceActivities gone = new SandboxMaintenanceActivities(
        Map.of("local", URI.create("http://127.0.0.1:" + port))::get, CLIENT);
    assertThatThrownBy(() -> gone.disableMaintenance("local"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getType()).isEqualTo(SandboxMaintenanceActivities.UNAVAILABLE);
        });
  }

  private static HttpResponse<String> front() throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(sandbox.routerUrl() + "/svc/learning-api/api/lessons"))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
