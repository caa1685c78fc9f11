package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} is well-formed Prometheus text with the documented families. */
class MetricsEndpointTest {

  private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*");
  private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)");
  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\""
          + "(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\")*)\\} (-?[0-9]+(?:\\.[0-9]+)?)");

  @Test
  void exposesWellFormedCountersHistogramsAndWeights() throws Exception {
    try (SandboxFixture sb = SandboxFixture.start()) {
      sb.deploy("learning-api", "green", "v1.6.0");
      sb.traffic("learning-api", "green", 50);
      Http.burst(sb.sandbox.routerUrl() + "/svc/learning-api/api/lessons", 200, 32);

      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(sb.admin + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      Map<String, String> types = new HashMap<>();
      Set<String> helped = new HashSet<>();
      Map<String, Double> samples = new HashMap<>();
      for (String line : response.body().split("\n")) {
        Matcher help = HELP.matcher(line);
        Matcher type = TYPE.matcher(line);
        Matcher sample = SAMPLE.matcher(line);
        if (help.matches()) {
          helped.add(help.group(1));
        } else if (type.matches()) {
          assertThat(helped).as("HELP before TYPE for %s", type.group(1)).contains(type.group(1));
          types.put(type.group(1), type.group(2));
        } else {
          assertThat(sample.matches()).as("malformed line: %s", line).isTrue();
          String family = sample.group(1).replaceAll("_(bucket|sum|count)$", "");
          assertThat(types).as("TYPE declared before %s", line).containsKey(family);
          samples.put(sample.group(1) + "{" + sample.group(2) + "}", Double.parseDouble(sample.group(3)));
        }
      }

      assertThat(types).containsEntry("sandbox_requests_total", "counter")
          .containsEntry("sandbox_request_errors_total", "counter")
          .containsEntry("sandbox_request_duration_seconds", "histogram")
          .containsEntry("sandbox_health_checks_total", "counter")
          .containsEntry("sandbox_health_failures_total", "counter")
          .containsEntry("sandbox_complaints_total", "counter")
          .containsEntry("sandbox_traffic_weight", "gauge");
      String blue = "service=\"learning-api\",colour=\"blue\",version=\"v1.5.0\"";
      String green = "service=\"learning-api\",colour=\"green\",version=\"v1.6.0\"";
      double blueRequests = samples.get("sandbox_requests_total{" + blue + "}");
      double greenRequests = samples.get("sandbox_requests_total{" + green + "}");
      assertThat(blueRequests + greenRequests).isEqualTo(200);
      assertThat(samples.get("sandbox_request_errors_total{" + green + "}")).isPositive();
      assertThat(samples.get("sandbox_request_duration_seconds_bucket{" + blue + ",le=\"+Inf\"}")).isEqualTo(blueRequests);
      assertThat(samples.get("sandbox_request_duration_seconds_count{" + blue + "}")).isEqualTo(blueRequests);
      assertThat(samples.get("sandbox_request_duration_seconds_sum{" + blue + "}")).isPositive();
      assertThat(samples).containsEntry("sandbox_traffic_weight{service=\"learning-api\",colour=\"green\"}", 50.0)
          .containsEntry("sandbox_traffic_weight{service=\"learning-api\",colour=\"blue\"}", 50.0)
          .containsEntry("sandbox_traffic_weight{service=\"bot\",colour=\"green\"}", 0.0)
          .containsKey("sandbox_health_checks_total{" + blue + "}")
          .containsKey("sandbox_complaints_total{" + green + "}");

      assertThat(types).containsEntry("http_requests_total", "counter")
          .containsEntry("http_request_duration_seconds", "histogram")
          .containsEntry("probe_success", "gauge")
          .containsEntry("user_complaints_total", "counter");
      double blueByCode = samples.entrySet().stream()
          .filter(e -> e.getKey().startsWith("http_requests_total{" + blue + ",code="))
          .mapToDouble(Map.Entry::getValue).sum();
      assertThat(blueByCode).as("the per-code counters add up to the slot's requests").isEqualTo(blueRequests);
      assertThat(samples.get("http_requests_total{" + green + ",code=\"500\"}"))
          .isEqualTo(samples.get("sandbox_request_errors_total{" + green + "}"));
      assertThat(samples.get("http_request_duration_seconds_count{" + blue + "}")).isEqualTo(blueRequests);
      assertThat(samples).containsKey("user_complaints_total{" + green + "}");
    }
  }
}
