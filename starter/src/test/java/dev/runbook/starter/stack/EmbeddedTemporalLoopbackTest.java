package dev.runbook.starter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The embedded Temporal server listens on 127.0.0.1 only (the SDK's port-bound test server would
 * take every interface). Read from the kernel's socket table, so it holds whatever addresses this
 * machine has.
 */
class EmbeddedTemporalLoopbackTest {

  @Test
  void listensOnLoopbackOnly() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start(port)) {
      temporal.registerSearchAttributes(); // it serves
      temporal.client().getWorkflowServiceStubs(); // and a client connects (health check on connect)
      // 127.0.0.1 in /proc/net/tcp, or as ::ffff:127.0.0.1 / ::1 in /proc/net/tcp6
      assertThat(listeners(port)).as("local addresses listening on port %d", port)
          .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F")
              || a.equals("00000000000000000000000001000000"));
    }
  }

  /** Local addresses (hex, as /proc/net/tcp writes them) of sockets listening on {@code port}, IPv4 and IPv6. */
  private static List<String> listeners(int port) throws IOException {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    List<String> out = new java.util.ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] f = line.trim().split("\\s+");
        boolean listening = "0A".equals(f[3]);
        if (listening && f[1].endsWith(hexPort)) {
          out.add(f[1].substring(0, f[1].length() - hexPort.length()));
        }
      }
    }
    assertThat(out).as("something listens on port %d", port).isNotEmpty();
    return out;
  }
}
