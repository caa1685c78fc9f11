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

  /**
   * 500 quiet services on top of the loaded ones. Before probes were spread and kept one deep per
   * slot, and before windows were allocated lazily, this held 60-140 MB more heap (3,000 probes in
   * flight, 600 preallocated buckets a slot) and learning-api's probes began to time out; now 11-22 MB.
   */
  private static final int MANY = 500;
  private static final long HEAP_BOUND_MB = 32;

  @Test
  void fiveHundredQuietServicesStayWithinAHeapBoundAndDoNotStarveTheLoadedServicesHealthChecks() throws Exception {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long before = runtime.totalMemory() - runtime.freeMemory();
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withExtraServices(MANY))) {
      String stats = sandbox.adminUrl() + "/api/services/learning-api/slots/blue/stats?lookback=600";
      JsonNode blue = Http.get(stats).json();
      for (int i = 0; i < 300 && blue.get("healthChecks").asLong() < 10; i++) {
        Thread.sleep(100);
        blue = Http.get(stats).json();
      }
      assertThat(blue.get("healthChecks").asLong()).as("learning-api blue: %s", blue).isGreaterThanOrEqualTo(10);
      // one probe may still time out on a busy 2-core host; a starved service failed 3 of its first 8
      assertThat(blue.get("healthFailures").asLong()).as("learning-api blue: %s", blue).isLessThanOrEqualTo(1);
      assertThat(blue.get("requests").asLong()).as("learning-api blue: %s", blue).isPositive();

      System.gc();
      long usedMb = (runtime.totalMemory() - runtime.freeMemory() - before) >> 20;
      System.out.println("heap used by a sandbox with " + MANY + " extra services: " + usedMb + " MB");
      assertThat(usedMb).isLessThan(HEAP_BOUND_MB);
    }
  }

  private static java.util.Map<String, Long> threadsByName() {
    return Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(
        t -> t.getName().replaceAll("[-#]?\\d+$", ""), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }
}
