package dev.runbook.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SmokeResult;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformActivitiesImplTest {
  private final List<String> calls = new ArrayList<>();

  private final PlatformProvider recording = new PlatformProvider() {
    @Override
    public ServiceState describe(String service, String environment) {
      calls.add("describe " + service + " " + environment);
      return new ServiceState(service, environment, "blue", List.of());
    }

    @Override
    public ReleaseCheck checkRelease(String service, String environment, String version) {
      calls.add("check " + service + " " + version);
      return new ReleaseCheck(version, ReleaseCheck.Availability.AVAILABLE, "ok");
    }

    @Override
    public void deploy(String service, String environment, String colour, String version) {
      calls.add("deploy " + service + " " + environment + " " + colour + " " + version);
    }

    @Override
    public SmokeResult smokeTest(String service, String environment, String colour) {
      calls.add("smoke " + colour);
      return new SmokeResult(true, 1, 0, "ok");
    }

    @Override
    public void shiftTraffic(String service, String environment, String colour, int weight) {
      calls.add("traffic " + colour + " " + weight);
    }

    @Override
    public void markLive(String service, String environment, String colour) {
      calls.add("live " + colour);
    }

    @Override
    public void retire(String service, String environment, String colour) {
      calls.add("retire " + colour);
    }
  };

  private final PlatformActivitiesImpl activities =
      new PlatformActivitiesImpl(Map.of("sandbox", recording, "k8s-prod", recording));

  @Test
  void routesEachCallToTheNamedProvider() {
    activities.describeService("sandbox", "learning-api", "local");
    activities.checkRelease("k8s-prod", "learning-api", "production", "v1.5.1");
    activities.deployRelease("k8s-prod", "learning-api", "production", "green", "v1.5.1");
    activities.smokeTest("sandbox", "learning-api", "local", "green");
    activities.shiftTraffic("sandbox", "learning-api", "local", "green", 10);
    activities.markLive("sandbox", "learning-api", "local", "green");
    activities.retireSlot("sandbox", "learning-api", "local", "blue");
    assertThat(calls).containsExactly("describe learning-api local", "check learning-api v1.5.1", "deploy learning-api production green v1.5.1",
        "smoke green", "traffic green 10", "live green", "retire blue");
  }

  @Test
  void unknownPlatformListsTheRegisteredOnes() {
    assertThatThrownBy(() -> activities.describeService("flyio", "learning-api", "local"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.UNKNOWN_PLATFORM);
          assertThat(f.getOriginalMessage()).isEqualTo("unknown platform 'flyio'; registered: k8s-prod, sandbox");
        });
  }

  @Test
  void argumentsThatCouldBeReadAsOptionsOrPathsAreRejected() {
    assertThatThrownBy(() -> activities.deployRelease("sandbox", "learning-api", "local", "green", "--all"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
        .hasMessageContaining("version '--all' is not a valid name");
    assertThatThrownBy(() -> activities.checkRelease("sandbox", "learning-api", "local", "-v"))
        .hasMessageContaining("version '-v' is not a valid name");
    assertThatThrownBy(() -> activities.retireSlot("sandbox", "../admin", "local", "blue"))
        .hasMessageContaining("service '../admin' is not a valid name");
    assertThatThrownBy(() -> activities.shiftTraffic("sandbox", "learning-api", "local", "green", 101))
        .hasMessageContaining("traffic weight must be 0..100, was 101");
    assertThat(calls).isEmpty();
  }
}
