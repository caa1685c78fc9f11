package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weighted router sends each request to the colour the weights say. */
class RouterTest {

  private SandboxFixture sb;
  private String lessons;

  @BeforeEach
  void start() throws Exception {
    sb = SandboxFixture.start();
    lessons = sb.sandbox.routerUrl() + "/svc/learning-api/api/lessons";
    sb.deploy("learning-api", "green", "v1.5.1");
  }

  @AfterEach
  void stop() {
    sb.close();
  }

  @Test
  void allOrNothingWeightsAreExact() {
    assertThat(colours(Http.burst(lessons, 50, 25))).containsOnly("blue");

    sb.traffic("learning-api", "green", 100);
    List<Http.Reply> replies = Http.burst(lessons, 50, 25);
    assertThat(colours(replies)).containsOnly("green");
    assertThat(replies.get(0).json().get("version").asText()).isEqualTo("v1.5.1");
    assertThat(replies.get(0).json().get("path").asText()).isEqualTo("/api/lessons");
  }

  @Test
  void aTenPercentCanaryGetsRoughlyOneRequestInTen() {
    sb.traffic("learning-api", "green", 10);

    List<String> colours = colours(Http.burst(lessons, 500, 64));

    long green = colours.stream().filter("green"::equals).count();
    assertThat(green).as("green answers out of 500").isBetween(20L, 90L);
    assertThat(sb.stats("learning-api", "green", 60).get("requests").asLong()).isEqualTo(green);
    assertThat(sb.stats("learning-api", "blue", 60).get("requests").asLong()).isEqualTo(500 - green);
  }

  @Test
  void unknownServicesAndPathsAreNamed() {
    Http.Reply unknown = Http.get(sb.sandbox.routerUrl() + "/svc/nope/api");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).contains("unknown service 'nope'");
    assertThat(Http.get(sb.sandbox.routerUrl() + "/elsewhere").status()).isEqualTo(404);
    assertThat(Http.get(sb.sandbox.routerUrl() + "/health").status()).isEqualTo(200);
    assertThat(Http.get(sb.sandbox.routerUrl() + "/svc/web/api/x?q=1").json().get("service").asText()).isEqualTo("web");
  }

  private static List<String> colours(List<Http.Reply> replies) {
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isBetween(200, 599));
    return replies.stream().map(Http.Reply::colour).toList();
  }
}
