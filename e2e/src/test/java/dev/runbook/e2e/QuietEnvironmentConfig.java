package dev.runbook.e2e;

import dev.runbook.sandbox.catalog.QuietServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The worker configuration a capacity bench adds ({@code --spring.config.additional-location}):
 * the env {@code quiet} whose services are the sandbox's quiet ones, with a first window longer
 * than the bench (10 min) and a slow poll (10 s, heartbeat timeout 30 s), so background runs only
 * hold their windows; and the watch slots of each worker process. The service list is too long
 * for a command line.
 */
final class QuietEnvironmentConfig {
  private QuietEnvironmentConfig() {}

  static Path write(int services, int watchSlots, Path dir) throws IOException {
    String names = IntStream.rangeClosed(1, services).mapToObj(QuietServices::name).collect(Collectors.joining(", "));
    String yaml = """
        runbook:
          watch:
            slots: %d
          environments:
            %s:
              platform: sandbox
              metrics: sandbox
              services: [%s]
              poll-interval: 10s
              heartbeat-timeout: 30s
              deploy-timeout: 1m
              code-deploy:
                steps:
                  - {weight: 10, watch: 10m, gate: true}
                  - {weight: 100, watch: 8s, gate: false}
                retire-after: 3s
              emergency-deploy: {watch: 20s, retire-after: 3s}
              approval:
                manual: true
                approvers: [alice]
                requester-may-approve: true
                timeout: 30m
                on-timeout: hold-and-remind
                remind-every: 30m
              rules:   # quiet services get no traffic: these stay inconclusive, the window stays open
                - {name: error-rate, metric: error-rate-percent, threshold: 5, for: 4s, lookback: 8s, min-samples: 15, action: rollback}
                - {name: p95-latency, metric: latency-p95-ms, threshold: 2000, for: 3s, lookback: 8s, min-samples: 10, action: rollback}
        """.formatted(watchSlots, WatchCapacityBench.QUIET_ENV, names);
    Files.createDirectories(dir);
    Path file = dir.resolve("watch-capacity-" + services + ".yml");
    Files.writeString(file, yaml);
    return file;
  }
}
