package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A slot's instances (replace, restart) and a service's config, over the admin API and real requests. */
class InstancesAndConfigTest {
  private static final String SVC = "/api/services/learning-api";
  private static final String BLUE = SVC + "/slots/blue/instances";

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
  void eachColourRunsTheCatalogsInstancesAndTheRouterSpreadsTrafficOverThem() {
    JsonNode instances = sb.get(BLUE).json();
    assertThat(instances).hasSize(4);
    assertThat(versions(instances)).containsOnly("v1.5.0");
    for (JsonNode i : instances) {
      assertThat(Http.get(i.get("url").asText() + "/health").status()).isEqualTo(200);
    }
    assertThat(sb.get("/api/services/web/slots/blue/instances").json()).hasSize(1);
  }

  @Test
  void replacingAnInstanceRunsTheNewReleaseThereOnlyAndIsIdempotent() {
    String oldUrl = sb.get(BLUE).json().get(1).get("url").asText();

    JsonNode after = sb.post(BLUE + "/1/replace", "{\"version\":\"v1.5.1\"}").json();
    assertThat(versions(after)).containsExactly("v1.5.0", "v1.5.1", "v1.5.0", "v1.5.0");
    String newUrl = after.get(1).get("url").asText();
    assertThat(newUrl).isNotEqualTo(oldUrl);
    assertThat(Http.get(oldUrl + "/health").status()).as("the replaced instance is gone").isEqualTo(404);
    assertThat(Http.get(newUrl + "/anything").body()).contains("\"version\":\"v1.5.1\"");

    sb.post(BLUE + "/1/replace", "{\"version\":\"v1.5.1\"}");
    assertThat(sb.get(BLUE).json().get(1).get("url").asText()).as("a repeat changes nothing").isEqualTo(newUrl);
    assertThat(actions()).containsExactly("replace blue v1.5.1");
    assertThat(sb.get(SVC).json().get("slots").get(0).get("version").asText())
        .as("a slot keeps its release until every instance runs the new one").isEqualTo("v1.5.0");

    for (int i = 0; i < 4; i++) {
      sb.post(BLUE + "/" + i + "/replace", "{\"version\":\"v1.5.1\"}");
    }
    assertThat(sb.get(SVC).json().get("slots").get(0).get("version").asText()).isEqualTo("v1.5.1");
  }

  @Test
  void badInstanceRequestsAreRefusedWithTheReason() {
    assertThat(sb.post(BLUE + "/7/replace", "{\"version\":\"v1.5.1\"}").body()).contains("instances 0 to 3");
    assertThat(sb.post(BLUE + "/0/replace", "{\"version\":\"v9\"}").status()).isEqualTo(400);
    assertThat(sb.post(SVC + "/slots/green/instances/0/replace", "{\"version\":\"v1.5.1\"}").status()).isEqualTo(409);
    assertThat(sb.post(SVC + "/config", "{\"set\":{\"bad key\":\"1\"}}").body()).contains("is not valid");
    assertThat(sb.post(SVC + "/config", "{}").body()).contains("at least one key");
    assertThat(sb.post(SVC + "/config/restore", "{\"revision\":9}").status()).isEqualTo(404);
    assertThat(sb.get(SVC + "/config").json().get("revision").asInt()).isEqualTo(1);
  }

  @Test
  void aConfigChangeReachesAnInstanceOnlyWhenItRestartsAndSecretsNeverLeave() {
    JsonNode changed = sb.post(SVC + "/config",
        "{\"set\":{\"REQUEST_TIMEOUT_MS\":\"5\"},\"secrets\":{\"DB_PASSWORD\":\"hunter2\"}}").json();
    assertThat(changed.get("revision").asInt()).isEqualTo(2);
    assertThat(changed.get("values").get("REQUEST_TIMEOUT_MS").asText()).isEqualTo("5");
    assertThat(changed.get("secrets").get(0).asText()).isEqualTo("DB_PASSWORD");
    assertThat(changed.toString()).doesNotContain("hunter2");
    assertThat(sb.post(SVC + "/config", "{\"set\":{\"REQUEST_TIMEOUT_MS\":\"5\"}}").json().get("revision").asInt())
        .as("the same change again adds no revision").isEqualTo(2);

    String before = sb.get(BLUE).json().get(0).get("url").asText();
    assertThat(Http.get(before + "/x").status()).as("not restarted: old config").isEqualTo(200);
    JsonNode restarted = sb.post(BLUE + "/0/restart", null).json();
    assertThat(restarted.get(0).get("configRevision").asInt()).isEqualTo(2);
    String url = restarted.get(0).get("url").asText();
    // p50 35 ms against a 5 ms timeout: real requests fail with 504
    assertThat(Http.burst(url + "/x", 10, 5)).extracting(Http.Reply::status).containsOnly(504);
    assertThat(sb.post(BLUE + "/0/restart", null).json().get(0).get("url").asText())
        .as("a restart on the current revision is a no-op").isEqualTo(url);

    JsonNode restored = sb.post(SVC + "/config/restore", "{\"revision\":1}").json();
    assertThat(restored.get("revision").asInt()).isEqualTo(3);
    assertThat(restored.get("hash").asText()).isEqualTo(sb.get(SVC + "/config").json().get("hash").asText());
    assertThat(restored.get("values")).isEmpty();
    String back = sb.post(BLUE + "/0/restart", null).json().get(0).get("url").asText();
    assertThat(Http.get(back + "/x").status()).isEqualTo(200);
  }

  @Test
  void anInstanceThatCannotParseItsConfigFailsItsHealthCheck() {
    sb.post(SVC + "/config", "{\"set\":{\"REQUEST_TIMEOUT_MS\":\"soon\"}}");
    String url = sb.post(BLUE + "/2/restart", null).json().get(2).get("url").asText();
    assertThat(Http.get(url + "/health").status()).isEqualTo(503);
    assertThat(Http.get(url + "/x").status()).isEqualTo(503);
  }

  private List<String> actions() {
    List<String> out = new ArrayList<>();
    sb.get("/api/log").json().forEach(a -> out.add(a.get("action").asText() + " " + a.get("colour").asText()
        + " " + a.get("version").asText()));
    return out;
  }

  private static List<String> versions(JsonNode instances) {
    List<String> out = new ArrayList<>();
    instances.forEach(i -> out.add(i.get("version").asText()));
    return out;
  }
}
