package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's bad releases really misbehave, as measured through the stats API. Requests go
 * straight to the green slot (weight 0), many at once, to keep each test to a few seconds.
 */
class ReleaseBehaviourHttpTest {

  private SandboxFixture sb;

  @BeforeEach
  void start() throws Exception {
    sb = SandboxFixture.start();
  }

  @AfterEach
  void stop() {
    sb.close();
  }

  @Test
  void v160FailsAboutOneRequestInFive() {
    sb.deploy("learning-api", "green", "v1.6.0");

    List<Http.Reply> replies = Http.burst(sb.slotUrl("learning-api", "green") + "/api/lessons", 400, 64);

    long failed = replies.stream().filter(r -> r.status() == 500).count();
    JsonNode stats = sb.stats("learning-api", "green", 60);
    assertThat(stats.get("version").asText()).isEqualTo("v1.6.0");
    assertThat(stats.get("requests").asLong()).isEqualTo(400);
    assertThat(stats.get("errors").asLong()).isEqualTo(failed);
    assertThat(stats.get("errorRatePercent").asDouble()).isBetween(12.0, 28.0);
    assertThat(stats.get("p95Ms").asDouble()).isBetween(70.0, 300.0);
  }

  @Test
  void v161HasAP95AboveTwoSeconds() {
    sb.deploy("learning-api", "green", "v1.6.1");

    List<Http.Reply> replies = Http.burst(sb.slotUrl("learning-api", "green") + "/api/progress", 100, 100);

    assertThat(replies).hasSize(100);
    JsonNode stats = sb.stats("learning-api", "green", 60);
    assertThat(stats.get("requests").asLong()).isEqualTo(100);
    assertThat(stats.get("p95Ms").asDouble()).isGreaterThan(2000.0);
  }

  @Test
  void v162FailsItsHealthCheckAndTheProberCountsIt() throws Exception {
    sb.deploy("learning-api", "green", "v1.6.2");
    String green = sb.slotUrl("learning-api", "green");

    assertThat(Http.get(green + "/health").status()).isEqualTo(503);
    assertThat(Http.get(green + "/api/lessons").status()).isEqualTo(503);
    assertThat(Http.get(sb.slotUrl("learning-api", "blue") + "/health").body()).isEqualTo("ok");

    JsonNode stats = sb.awaitStats("learning-api", "green", s -> s.get("healthFailures").asLong() >= 2);
    assertThat(stats.get("healthFailures").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.get("healthChecks").asLong()).isEqualTo(stats.get("healthFailures").asLong());
    JsonNode blue = sb.awaitStats("learning-api", "blue", s -> s.get("healthChecks").asLong() >= 2);
    assertThat(blue.get("healthChecks").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(blue.get("healthFailures").asLong()).isZero();
  }

  @Test
  void v163MakesUsersComplain() {
    sb.deploy("learning-api", "green", "v1.6.3");

    Http.burst(sb.slotUrl("learning-api", "green") + "/api/lessons", 600, 64);

    JsonNode stats = sb.stats("learning-api", "green", 60);
    assertThat(stats.get("complaints").asLong()).isBetween(3L, 30L);
    assertThat(sb.stats("learning-api", "blue", 60).get("complaints").asLong()).isZero();
  }

  @Test
  void aRedeployIsJudgedOnlyOnWhatItServedItself() throws InterruptedException {
    sb.deploy("learning-api", "green", "v1.6.0");
    Http.burst(sb.slotUrl("learning-api", "green") + "/api/lessons", 200, 64);
    sb.retire("learning-api", "green");
    Thread.sleep(1_100); // stats have one-second buckets: the redeploy starts in a later one
    sb.deploy("learning-api", "green", "v1.6.0");

    JsonNode stats = sb.stats("learning-api", "green", 60);
    assertThat(stats.get("requests").asLong()).isZero();
    assertThat(stats.get("errorRatePercent").isNull()).isTrue();
  }
}
