package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Temporal (or the worker) not answering is exit 69 with the address and a hint. */
class UnreachableTest {

  @Test
  void statusAgainstAClosedPort() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    Cli.Result r = Cli.run("status", "deploy:learning-api:local", "--address", address, "--connect-timeout", "3s");
    assertThat(r.code()).isEqualTo(69);
    assertThat(r.err()).startsWith("cannot reach Temporal at " + address + ": ").contains("(is `runbook dev` running?)");
  }

  @Test
  void startAgainstAClosedPort() throws IOException {
    String address = "127.0.0.1:" + closedPort();
    Cli.Result r = Cli.run(
        "start", "code-deploy", "--service", "learning-api", "--version", "v1.5.1", "--env", "local",
        "--address", address, "--connect-timeout", "3s");
    assertThat(r.code()).isEqualTo(69);
    assertThat(r.err()).contains("cannot reach Temporal at " + address);
  }

  @Test
  void listAgainstAClosedWorkerPort() throws IOException {
    String url = "http://127.0.0.1:" + closedPort();
    Cli.Result r = Cli.run("list", "--worker-url", url);
    assertThat(r.code()).isEqualTo(69);
    assertThat(r.err()).startsWith("cannot reach the runbook worker at " + url);
  }

  /** A port that was free a moment ago: nothing listens on it. */
  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
