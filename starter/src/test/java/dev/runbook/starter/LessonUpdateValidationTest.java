package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.starter.stack.RunbookHome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `runbook start lesson-update` refuses bad files and bad requests with exit 64, before any call to Temporal. */
class LessonUpdateValidationTest {
  // Nothing listens here: a command that got past validation would exit 69, not 64.
  private static final String NOWHERE = "--address=127.0.0.1:1";
  private static final Path CONTENT = RunbookHome.find().orElseThrow().resolve("lessons/content");

  @TempDir Path dir;

  @Test
  void everyProblemOfTheFileIsListedAsFileLineMessage() throws IOException {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, Files.readString(CONTENT.resolve("03_market_makers.yaml"))
        .replace("version: \"1.0.1\"", "version: \"1.0.x\"")
        .replace("correct_answer: \"From the spread between its bid and ask\"", "correct_answer: \"From fees\""));
    Cli.Result r = Cli.run("start", "lesson-update", file.toString(), "--env", "local", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err().lines().toList()).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(line -> assertThat(line).matches(java.util.regex.Pattern.quote(file.toString()) + ":\\d+: .+"));
    assertThat(r.err()).contains(":3: ").contains("1.0.x").contains("From fees");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnreadableFileIsBadInput() throws IOException {
    Cli.Result missing = Cli.run("start", "lesson-update", dir.resolve("nope.yaml").toString(), "--env", "local", NOWHERE);
    assertThat(missing.code()).isEqualTo(64);
    assertThat(missing.err()).contains("nope.yaml:1: no such file");

    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, new byte[] {'i', 'd', ':', ' ', (byte) 0xe9});
    Cli.Result notUtf8 = Cli.run("start", "lesson-update", latin1.toString(), "--env", "local", NOWHERE);
    assertThat(notUtf8.code()).isEqualTo(64);
    assertThat(notUtf8.err()).contains("latin1.yaml:1: not UTF-8 text");
  }

  @Test
  void theRequestIsCheckedLikeTheWorkflowChecksIt() {
    Cli.Result r = Cli.run("start", "lesson-update", CONTENT.resolve("02_bid_ask_spread.yaml").toString(),
        "--env", "PROD", "--as", "a b", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("invalid request:")
        .contains("environment 'PROD' is not an environment name")
        .contains("requestedBy 'a b' is not an identity");
  }

  @Test
  void fileAndEnvironmentAreRequired() {
    Cli.Result r = Cli.run("start", "lesson-update", "--env", "local");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("Missing required parameter: 'FILE'")
        .contains("Run 'runbook start lesson-update --help' for usage.");
    assertThat(Cli.run("start", "lesson-update", "x.yaml").err()).contains("Missing required option: '--environment=ENV'");
  }

  @Test
  void aValidRequestGetsAsFarAsTemporal() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Cli.Result r = Cli.run("start", "lesson-update", CONTENT.resolve("02_bid_ask_spread.yaml").toString(),
        "--env", "local", "--address", "127.0.0.1:" + port, "--connect-timeout", "3s");
    assertThat(r.code()).as(r.err()).isEqualTo(69);
    assertThat(r.err()).contains("cannot reach Temporal at 127.0.0.1:" + port);
  }
}
