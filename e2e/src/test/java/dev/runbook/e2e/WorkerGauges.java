package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker process costs and holds, read from outside as an operator would: live JVM threads
 * (actuator metric), resident memory ({@code /proc/<pid>/status}, the pid from {@code
 * /actuator/info} with {@code management.info.process.enabled}) and its open watch windows
 * ({@code runbook_watch_slots_in_use}).
 */
final class WorkerGauges {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern IN_USE = Pattern.compile("(?m)^runbook_watch_slots_in_use(?:\\{[^}]*})? ([0-9.eE+]+)$");
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  WorkerGauges(String base) {
    this.base = base;
  }

  int threads() throws Exception {
    return (int) get("/actuator/metrics/jvm.threads.live").get("measurements").get(0).get("value").asDouble();
  }

  long pid() throws Exception {
    return get("/actuator/info").get("process").get("pid").asLong();
  }

  /** VmRSS in MiB. */
  long rssMib() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for the worker");
  }

  int watchSlotsInUse() throws Exception {
    Matcher m = IN_USE.matcher(text("/actuator/prometheus"));
    if (!m.find()) {
      throw new IllegalStateException("runbook_watch_slots_in_use not exported by " + base);
    }
    return (int) Double.parseDouble(m.group(1));
  }

  private JsonNode get(String path) throws Exception {
    return JSON.readTree(text(path));
  }

  private String text(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
