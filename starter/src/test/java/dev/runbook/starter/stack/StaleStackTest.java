package dev.runbook.starter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `runbook dev` killed with -9 left its Prometheus running: the next start stops it, and only it. */
class StaleStackTest {

  @Test
  void aLeftOverPrometheusIsStoppedButAnUnrelatedProcessWithItsPidRoleIsNot(@TempDir Path dir) throws Exception {
    // stand-ins whose command lines look like a left-over Prometheus, and like anything else
    Process prometheus = new ProcessBuilder("python3", "-c", "import time; time.sleep(60)",
        "--web.listen-address=127.0.0.1:7390").start();
    Process unrelated = new ProcessBuilder("sleep", "61").start();
    Process deadCli = new ProcessBuilder("true").start();
    deadCli.waitFor(10, TimeUnit.SECONDS);
    try {
      Path file = dir.resolve("stack.json");
      StackFile.write(file, new StackFile.Contents("127.0.0.1:7233", "http://127.0.0.1:7300", "http://127.0.0.1:7301",
          "http://127.0.0.1:8081", "jdbc:postgresql://127.0.0.1:54329/postgres",
          Map.of("cli", deadCli.pid(), "prometheus", prometheus.pid(), "worker", unrelated.pid())));
      List<String> said = new ArrayList<>();

      StaleStack.clear(file, said::add);

      assertThat(prometheus.waitFor(15, TimeUnit.SECONDS)).as("the left-over Prometheus was stopped").isTrue();
      assertThat(unrelated.isAlive()).as("a process that is not our worker keeps running").isTrue();
      assertThat(said).singleElement().asString().contains("stopping the prometheus");
    } finally {
      prometheus.destroyForcibly();
      unrelated.destroyForcibly();
    }
  }
}
