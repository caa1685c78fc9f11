package dev.runbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.sandbox.catalog.QuietServices;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Capacity benchmarks run hundreds of quiet services: slots share one server and a few threads,
 * so the thread count is bounded whatever the number of services (a server and a pool per slot
 * took 33 threads a slot: 200 services passed 6,000 threads within half a minute).
 */
class ManyServicesTest {
  private static final int SERVICES = 200;
  /**
   * Fixed costs only: the JVM's own threads, the router's pool (128, sized for load concurrency),
   * admin, HTTP clients, prober, load ticker, the shared slot threads (168 measured). One thread a
   * slot would already pass it.
   */
  private static final int THREAD_BOUND = 250;

  @Test
  void twoHundredQuietServicesRunInABoundedNumberOfThreadsAndServeHealthAndMetrics() throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withExtraServices(SERVICES))) {
      String last = QuietServices.name(SERVICES);
      JsonNode service = Http.get(sandbox.adminUrl() + "/api/services/" + last).json();
      String blueUrl = null;
      for (JsonNode slot : service.get("slots")) {
        if ("blue".equals(slot.get("colour").asText())) {
          blueUrl = slot.get("url").asText();
        }
      }
      assertThat(blueUrl).as("blue slot of %s: %s", last, service).isNotNull();
      assertThat(Http.get(blueUrl + "/health").status()).isEqualTo(200);
      assertThat(Http.get(blueUrl + "/api/lessons").json().get("service").asText()).isEqualTo(last);

      // health probes reach every slot; each probe and request is handled on the shared threads
      String healthChecked = "sandbox_health_checks_total{service=\"" + last + "\"";
      String metrics = "";
      for (int i = 0; i < 100 && !metrics.contains(healthChecked); i++) {
        Thread.sleep(100);
        metrics = Http.get(sandbox.adminUrl() + "/metrics").body();
      }
      assertThat(metrics).contains(healthChecked)
          .contains("sandbox_requests_total{service=\"" + last + "\"");
      Thread.sleep(2_000); // a few probe rounds over all 200 slots, with the catalog's own load running
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      System.out.println("threads with " + SERVICES + " extra services: " + threads);
      assertThat(threads).as("live threads by name: %s", threadsByName()).isLessThan(THREAD_BOUND);
    }
  }

  private static java.util.Map<String, Long> threadsByName() {
    return Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(
        t -> t.getName().replaceAll("[-#]?\\d+$", ""), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }
}
