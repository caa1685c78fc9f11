package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's deploy / traffic / live / retire contract, over real HTTP. */
class DeployStateMachineTest {

  private static final String SVC = "/api/services/learning-api";

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
  void startsWithTheCatalogsLiveReleaseOnBlue() {
    JsonNode state = sb.get(SVC).json();

    assertThat(state.get("service").asText()).isEqualTo("learning-api");
    assertThat(state.get("liveColour").asText()).isEqualTo("blue");
    assertThat(slot(state, "blue")).isEqualTo("v1.5.0 LIVE 100 running");
    JsonNode green = state.get("slots").get(1);
    assertThat(green.get("colour").asText()).isEqualTo("green");
    assertThat(green.get("version").isNull()).isTrue();
    assertThat(green.get("url").isNull()).isTrue();
    assertThat(slot(state, "green")).isEqualTo("null EMPTY 0 stopped");
    assertThat(state.get("slots").get(0).get("url").asText()).matches("http://127\\.0\\.0\\.1:\\d+/slots/learning-api/blue/\\d+");

    List<String> names = new ArrayList<>();
    sb.get("/api/services").json().forEach(s -> names.add(s.get("service").asText()));
    assertThat(names).containsExactly("learning-api", "web", "bot");
    assertThat(sb.get("/health").json().get("status").asText()).isEqualTo("ok");
    assertThat(sb.get("/api/log").json()).isEmpty();
  }

  @Test
  void aFullBlueGreenDeployLogsEachEffectiveStep() {
    assertThat(slot(sb.deploy("learning-api", "green", "v1.5.1").json(), "green")).isEqualTo("v1.5.1 CANARY 0 running");
    JsonNode tenPercent = sb.traffic("learning-api", "green", 10).json();
    assertThat(slot(tenPercent, "blue")).isEqualTo("v1.5.0 LIVE 90 running");
    assertThat(slot(tenPercent, "green")).isEqualTo("v1.5.1 CANARY 10 running");
    sb.traffic("learning-api", "green", 100);
    JsonNode live = sb.live("learning-api", "green").json();
    assertThat(live.get("liveColour").asText()).isEqualTo("green");
    assertThat(slot(live, "blue")).isEqualTo("v1.5.0 STANDBY 0 running");
    assertThat(slot(live, "green")).isEqualTo("v1.5.1 LIVE 100 running");
    assertThat(slot(sb.retire("learning-api", "blue").json(), "blue")).isEqualTo("v1.5.0 RETIRED 0 stopped");

    assertThat(log()).containsExactly(
        "1 deploy learning-api green v1.5.1 0",
        "2 traffic learning-api green v1.5.1 10",
        "3 traffic learning-api green v1.5.1 100",
        "4 live learning-api green v1.5.1 100",
        "5 retire learning-api blue v1.5.0 0");
    JsonNode first = sb.get("/api/log").json().get(0);
    assertThat(first.get("atMillis").asLong()).isPositive();
  }

  @Test
  void repeatingAnActionChangesNothingAndLogsNothing() {
    sb.deploy("learning-api", "green", "v1.5.1");
    String greenUrl = sb.slotUrl("learning-api", "green");
    sb.traffic("learning-api", "green", 100);
    sb.live("learning-api", "green");
    sb.retire("learning-api", "blue");
    List<String> before = log();
    JsonNode stateBefore = sb.get(SVC).json();

    assertThat(sb.deploy("learning-api", "green", "v1.5.1").status()).isEqualTo(200);
    assertThat(sb.traffic("learning-api", "green", 100).status()).isEqualTo(200);
    assertThat(sb.traffic("learning-api", "blue", 0).status()).isEqualTo(200);
    assertThat(sb.live("learning-api", "green").status()).isEqualTo(200);
    assertThat(sb.retire("learning-api", "blue").status()).isEqualTo(200);
    assertThat(sb.retire("web", "green").status()).isEqualTo(200);        // EMPTY: nothing to stop

    assertThat(log()).isEqualTo(before);
    assertThat(sb.get(SVC).json()).isEqualTo(stateBefore);
    assertThat(sb.slotUrl("learning-api", "green")).isEqualTo(greenUrl);
  }

  @Test
  void deployingOverACanaryOrARetiredSlotReplacesItsRelease() {
    sb.deploy("learning-api", "green", "v1.6.0");
    String firstUrl = sb.slotUrl("learning-api", "green");
    JsonNode replaced = sb.deploy("learning-api", "green", "v1.5.2").json();
    assertThat(slot(replaced, "green")).isEqualTo("v1.5.2 CANARY 0 running");
    assertThat(sb.slotUrl("learning-api", "green")).isNotEqualTo(firstUrl);

    sb.retire("learning-api", "green");
    assertThat(sb.deploy("learning-api", "green", "v1.5.2").status()).isEqualTo(200);
    assertThat(slot(sb.get(SVC).json(), "green")).isEqualTo("v1.5.2 CANARY 0 running");
    assertThat(log()).extracting(l -> l.split(" ")[1]).containsExactly("deploy", "deploy", "retire", "deploy");
  }

  @Test
  void refusalsSayWhyAndLeaveNoTrace() {
    assertError(sb.deploy("learning-api", "green", "v9.9.9"), 400, "unknown version 'v9.9.9' for learning-api; the catalog has v1.5.0, v1.5.1");
    assertError(sb.post(SVC + "/slots/green/deploy", null), 400, "a JSON body is required");
    assertError(sb.post(SVC + "/slots/green/deploy", "{\"version\":3}"), 400, "field 'version' must be a non-empty string");
    assertError(sb.post(SVC + "/slots/green/deploy", "[1]"), 400, "the body must be a JSON object");
    assertError(sb.deploy("learning-api", "blue", "v1.5.1"), 409, "it is the live colour");
    assertError(sb.deploy("nope", "green", "v1.5.1"), 404, "unknown service 'nope'; the sandbox has learning-api, web, bot");
    assertError(sb.deploy("learning-api", "red", "v1.5.1"), 404, "unknown colour 'red'");

    assertError(sb.traffic("learning-api", "green", 10), 409, "runs no release (it is EMPTY)");
    assertError(sb.traffic("learning-api", "green", 101), 400, "weight must be between 0 and 100, got 101");
    assertError(sb.traffic("learning-api", "green", -1), 400, "weight must be between 0 and 100, got -1");
    assertError(sb.post(SVC + "/traffic", "{\"colour\":\"green\",\"weight\":10.5}"), 400, "field 'weight' must be an integer");
    assertError(sb.post(SVC + "/traffic", "{\"weight\":10}"), 400, "field 'colour' is required");
    assertError(sb.post(SVC + "/traffic", "{\"colour\":\"red\",\"weight\":10}"), 404, "unknown colour 'red'");
    assertError(sb.post("/api/services/nope/traffic", "{\"colour\":\"green\",\"weight\":10}"), 404, "unknown service");

    assertError(sb.live("learning-api", "green"), 409, "carries 0% of traffic, not 100%");
    assertError(sb.retire("learning-api", "blue"), 409, "cannot retire blue of learning-api (LIVE v1.5.0): it is the live colour");

    sb.deploy("learning-api", "green", "v1.5.1");
    sb.traffic("learning-api", "green", 10);
    List<String> before = log();
    assertError(sb.deploy("learning-api", "green", "v1.5.2"), 409, "carries 10% of traffic; set its weight to 0 first");
    assertError(sb.retire("learning-api", "green"), 409, "carries 10% of traffic");
    assertError(sb.live("learning-api", "green"), 409, "carries 10% of traffic, not 100%");

    sb.traffic("learning-api", "green", 0);
    sb.retire("learning-api", "green");
    assertError(sb.traffic("learning-api", "green", 5), 409, "runs no release (it is RETIRED)");
    assertThat(log()).hasSize(before.size() + 2);
  }

  @Test
  void unknownEndpointsAndMethodsAreNamed() {
    assertError(sb.get("/api/nothing"), 404, "no such endpoint: GET /api/nothing");
    assertError(sb.get(SVC + "/slots/green/deploy"), 405, "GET is not supported on /api/services/learning-api/slots/green/deploy; use POST");
    assertError(sb.post("/api/services", "{}"), 405, "use GET");
    assertError(sb.get("/api/services/nope"), 404, "unknown service 'nope'");
  }

  @Test
  void statsOfASlotWithoutRequestsAreNullNotZero() {
    JsonNode blue = sb.stats("learning-api", "blue", 30);
    assertThat(blue.get("version").asText()).isEqualTo("v1.5.0");
    assertThat(blue.get("requests").asLong()).isZero();
    assertThat(blue.has("errorRatePercent")).isTrue();
    assertThat(blue.get("errorRatePercent").isNull()).isTrue();
    assertThat(blue.get("p95Ms").isNull()).isTrue();
    assertThat(blue.get("asOfMillis").asLong()).isPositive();

    JsonNode green = sb.stats("learning-api", "green", 600);
    assertThat(green.get("version").isNull()).isTrue();
    assertThat(green.get("colour").asText()).isEqualTo("green");
    assertThat(green.get("p95Ms").isNull()).isTrue();

    assertError(sb.get(SVC + "/slots/blue/stats?lookback=0"), 400, "lookback must be between 1 and 600 seconds, got 0");
    assertError(sb.get(SVC + "/slots/blue/stats?lookback=601"), 400, "got 601");
    assertError(sb.get(SVC + "/slots/blue/stats?lookback=abc"), 400, "lookback must be an integer number of seconds");
    assertError(sb.get(SVC + "/slots/purple/stats"), 404, "unknown colour 'purple'");
  }

  private List<String> log() {
    List<String> lines = new ArrayList<>();
    for (JsonNode e : sb.get("/api/log").json()) {
      lines.add(e.get("seq").asLong() + " " + e.get("action").asText() + " " + e.get("service").asText() + " "
          + e.get("colour").asText() + " " + e.get("version").asText() + " " + e.get("weight").asInt());
    }
    return lines;
  }

  private static String slot(JsonNode state, String colour) {
    for (JsonNode s : state.get("slots")) {
      if (s.get("colour").asText().equals(colour)) {
        return (s.get("version").isNull() ? "null" : s.get("version").asText()) + " " + s.get("role").asText() + " "
            + s.get("weight").asInt() + " " + (s.get("url").isNull() ? "stopped" : "running");
      }
    }
    throw new AssertionError("no slot " + colour + " in " + state);
  }

  private static void assertError(Http.Reply reply, int status, String messagePart) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("error").asText()).contains(messagePart);
  }
}
