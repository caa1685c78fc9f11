package dev.runbook.activities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.SmokeResult;
import dev.runbook.activities.testing.VirtualClock;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real processes: a fake {@code kubectl} shell script that logs its argv (one argument per
 * line) and prints the state from {@code state.json}; {@code exit-<action>} files make an action
 * fail with that exit code.
 */
class CommandTemplatePlatformProviderTest {
  private static final String FAKE = """
      #!/bin/sh
      dir=$(cd "$(dirname "$0")" && pwd)
      { for a in "$@"; do printf '%s\\n' "$a"; done; printf '%s\\n' '--end--'; } >> "$dir/calls.log"
      case "$1" in
        describe) cat "$dir/state.json" ;;
        smoke) cat "$dir/smoke.out" 2>/dev/null ;;
        hang) sleep 30 ;;
      esac
      if [ -f "$dir/exit-$1" ]; then echo "error: $1 refused by fake" >&2; exit "$(cat "$dir/exit-$1")"; fi
      exit 0
      """;
  private static final String STATE = """
      {"service":"learning-api","liveColour":"blue","slots":[
        {"colour":"blue","version":"v1.5.0","role":"LIVE","weight":100},
        {"colour":"green","version":"v1.4.9","role":"STANDBY","weight":0}]}
      """;

  @TempDir Path dir;
  private CommandTemplatePlatformProvider provider;
  private final VirtualClock clock = new VirtualClock(1_763_700_000_000L);
  private final List<Duration> pauses = new ArrayList<>();
  private Runnable onPause = () -> {};

  @BeforeEach
  void setUp() throws Exception {
    Path fake = dir.resolve("kubectl");
    Files.writeString(fake, FAKE);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("state.json"), STATE);
    provider = new CommandTemplatePlatformProvider(templates(Duration.ofSeconds(20), Set.of(64)),
        new SmokeRetry(Duration.ofSeconds(12), Duration.ofSeconds(1), Duration.ofSeconds(4), clock, d -> {
          pauses.add(d);
          clock.advance(d);
          onPause.run();
        }));
  }

  private CommandTemplates templates(Duration timeout, Set<Integer> nonRetryable) {
    return new CommandTemplates(
        List.of("./kubectl", "describe", "{service}", "--context={environment}"),
        List.of("./kubectl", "deploy", "{service}-{colour}", "--image=registry.example.com/{service}:{version}", "{environment}"),
        List.of("./kubectl", "smoke", "{service}-{colour}", "{version}"),
        List.of("./kubectl", "traffic", "{colour}={weight}", "{otherColour}={otherWeight}", "{\"weight\":{weight}}"),
        List.of("./kubectl", "live", "{colour}", "{version}", "{otherColour}"),
        List.of("./kubectl", "retire", "{service}-{colour}", "{version}"),
        timeout, nonRetryable, dir.toString());
  }

  private List<List<String>> calls() throws Exception {
    Path log = dir.resolve("calls.log");
    List<List<String>> calls = new ArrayList<>();
    if (!Files.exists(log)) {
      return calls;
    }
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.equals("--end--")) {
        calls.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return calls;
  }

  @Test
  void describeParsesTheStateJsonAndFillsTheEnvironment() throws Exception {
    ServiceState state = provider.describe("learning-api", "production");
    assertThat(state).isEqualTo(new ServiceState("learning-api", "production", "blue", List.of(
        new SlotState("blue", "v1.5.0", SlotRole.LIVE, 100), new SlotState("green", "v1.4.9", SlotRole.STANDBY, 0))));
    assertThat(calls()).containsExactly(List.of("describe", "learning-api", "--context=production"));
  }

  @Test
  void deployRunsTheExactArgvAndHostileValuesStayOneArgument() throws Exception {
    String environment = "prod east; touch " + dir.resolve("pwned");
    String version = "v1.5.1 $(touch " + dir.resolve("pwned2") + ")";

    provider.deploy("learning-api", environment, "green", version);

    assertThat(calls()).containsExactly(
        List.of("describe", "learning-api", "--context=" + environment),
        List.of("deploy", "learning-api-green", "--image=registry.example.com/learning-api:" + version, environment));
    assertThat(dir.resolve("pwned")).doesNotExist();
    assertThat(dir.resolve("pwned2")).doesNotExist();
  }

  @Test
  void placeholderValuesAreNotExpandedTwice() throws Exception {
    provider.deploy("learning-api", "production", "green", "{service}");
    assertThat(calls().get(1)).contains("--image=registry.example.com/learning-api:{service}");
  }

  @Test
  void deployIsSkippedWhenTheColourAlreadyRunsTheVersion() throws Exception {
    provider.deploy("learning-api", "production", "green", "v1.4.9");
    assertThat(calls()).containsExactly(List.of("describe", "learning-api", "--context=production"));
  }

  @Test
  void shiftTrafficKnowsTheOtherColourAndWeight() throws Exception {
    provider.shiftTraffic("learning-api", "production", "green", 10);
    assertThat(calls().get(1)).containsExactly("traffic", "green=10", "blue=90", "{\"weight\":10}");

    provider.shiftTraffic("learning-api", "production", "green", 0);
    assertThat(calls()).hasSize(3);
  }

  @Test
  void markLiveAndRetireSkipWhenTheStateHolds() throws Exception {
    provider.markLive("learning-api", "production", "blue");
    provider.markLive("learning-api", "production", "green");
    provider.retire("learning-api", "production", "green");
    assertThat(calls()).containsExactly(
        List.of("describe", "learning-api", "--context=production"),
        List.of("describe", "learning-api", "--context=production"),
        List.of("live", "green", "v1.4.9", "blue"),
        List.of("describe", "learning-api", "--context=production"),
        List.of("retire", "learning-api-green", "v1.4.9"));

    Files.writeString(dir.resolve("state.json"), STATE.replace("\"v1.4.9\",\"role\":\"STANDBY\"", "null,\"role\":\"RETIRED\""));
    provider.retire("learning-api", "production", "green");
    assertThat(calls()).hasSize(6);
  }

  @Test
  void unknownColourIsNonRetryable() {
    assertThatThrownBy(() -> provider.deploy("learning-api", "production", "red", "v1.5.1"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("has no colour 'red'; colours: blue, green");
        });
  }

  @Test
  void nonZeroExitIsRetryableWithStderrInTheMessage() throws Exception {
    Files.writeString(dir.resolve("exit-deploy"), "1");
    assertThatThrownBy(() -> provider.deploy("learning-api", "production", "green", "v1.5.1"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getType()).isEqualTo(PlatformFailures.COMMAND_FAILED);
          assertThat(f.getOriginalMessage())
              .startsWith("deploy command exited 1: ./kubectl deploy learning-api-green")
              .contains("stderr: error: deploy refused by fake");
        });
  }

  @Test
  void configuredExitCodesAreNonRetryable() throws Exception {
    Files.writeString(dir.resolve("exit-retire"), "64");
    assertThatThrownBy(() -> provider.retire("learning-api", "production", "green"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
  }

  @Test
  void hangingCommandIsKilledAtTheTimeoutAndRetried() {
    CommandTemplates t = templates(Duration.ofSeconds(1), Set.of());
    CommandTemplates hanging = new CommandTemplates(t.describe(), List.of("./kubectl", "hang"), t.smokeTest(),
        t.shiftTraffic(), t.markLive(), t.retire(), t.timeout(), t.nonRetryableExitCodes(), t.workingDirectory());
    assertThatThrownBy(() -> new CommandTemplatePlatformProvider(hanging).deploy("learning-api", "production", "green", "v1.5.1"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(PlatformFailures.COMMAND_TIMED_OUT);
          assertThat(f.isNonRetryable()).isFalse();
        });
  }

  @Test
  void missingProgramIsAConfigurationError() {
    CommandTemplates t = templates(Duration.ofSeconds(5), Set.of());
    CommandTemplates missing = new CommandTemplates(List.of("./no-such-kubectl", "describe"), t.deploy(), t.smokeTest(),
        t.shiftTraffic(), t.markLive(), t.retire(), t.timeout(), t.nonRetryableExitCodes(), t.workingDirectory());
    assertThatThrownBy(() -> new CommandTemplatePlatformProvider(missing).describe("learning-api", "production"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.COMMAND_NOT_RUNNABLE);
          assertThat(f.getOriginalMessage()).contains("cannot run describe command './no-such-kubectl'");
        });
  }

  @Test
  void describeOutputThatIsNotStateJsonIsNonRetryable() throws Exception {
    Files.writeString(dir.resolve("state.json"), "Error from server (NotFound): deployments.apps not found");
    assertThatThrownBy(() -> provider.describe("learning-api", "production"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PlatformFailures.BAD_DESCRIBE_OUTPUT);
          assertThat(f.getOriginalMessage()).contains("stdout: Error from server (NotFound)");
        });
  }

  @Test
  void smokeTestReportsInsteadOfThrowing() throws Exception {
    assertThat(provider.smokeTest("learning-api", "production", "green"))
        .isEqualTo(new SmokeResult(true, 1, 0, "smoke command passed"));
    assertThat(calls().get(1)).containsExactly("smoke", "learning-api-green", "v1.4.9");

    Files.writeString(dir.resolve("exit-smoke"), "2");
    SmokeResult failed = provider.smokeTest("learning-api", "production", "green");
    assertThat(failed.passed()).isFalse();
    assertThat(failed.detail()).startsWith("smoke command exited 2; stderr: error: smoke refused by fake")
        .endsWith("(still failing after 6 attempts over 12s)");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(4), Duration.ofSeconds(1));

    pauses.clear();
    onPause = () -> dir.resolve("exit-smoke").toFile().delete(); // the release answers after the first try
    SmokeResult second = provider.smokeTest("learning-api", "production", "green");
    assertThat(second).isEqualTo(new SmokeResult(true, 1, 0, "smoke command passed (attempt 2)"));
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    onPause = () -> {};

    Files.writeString(dir.resolve("smoke.out"), "{\"passed\":true,\"checks\":6,\"failures\":0,\"detail\":\"6/6 ok\"}");
    assertThat(provider.smokeTest("learning-api", "production", "green")).isEqualTo(new SmokeResult(true, 6, 0, "6/6 ok"));
  }

  @Test
  void aReleaseCheckFollowsTheExitCodeAndIsUnknownWithoutATemplate() throws Exception {
    assertThat(provider.checkRelease("learning-api", "production", "v1.6.0"))
        .isEqualTo(new ReleaseCheck("v1.6.0", ReleaseCheck.Availability.UNKNOWN,
            "no check-release command configured for this platform; the deploy step decides"));
    assertThat(calls()).isEmpty();

    CommandTemplates t = templates(Duration.ofSeconds(20), Set.of());
    CommandTemplatePlatformProvider checking = new CommandTemplatePlatformProvider(new CommandTemplates(t.describe(),
        t.deploy(), t.smokeTest(), t.shiftTraffic(), t.markLive(), t.retire(), t.timeout(), Set.of(),
        t.workingDirectory(), List.of("./kubectl", "check", "registry.example.com/{service}:{version}")));
    assertThat(checking.checkRelease("learning-api", "production", "v1.6.0").availability())
        .isEqualTo(ReleaseCheck.Availability.AVAILABLE);
    assertThat(calls()).containsExactly(List.of("check", "registry.example.com/learning-api:v1.6.0"));

    Files.writeString(dir.resolve("exit-check"), "1");
    ReleaseCheck missing = checking.checkRelease("learning-api", "production", "v2.1.0");
    assertThat(missing.missing()).isTrue();
    assertThat(missing.detail()).isEqualTo("the platform has no v2.1.0 of learning-api: error: check refused by fake");

    Files.writeString(dir.resolve("exit-check"), "7");
    assertThat(checking.checkRelease("learning-api", "production", "v2.1.0").availability())
        .isEqualTo(ReleaseCheck.Availability.UNKNOWN);

    assertThatThrownBy(() -> new CommandTemplates(t.describe(), t.deploy(), t.smokeTest(), t.shiftTraffic(),
        t.markLive(), t.retire(), null, null, null, List.of("crane", "manifest", "{colour}")))
        .hasMessageContaining("checkRelease: uses {colour}, which checkRelease does not know");
  }

  @Test
  void templatesAreCheckedWhenBuilt() {
    CommandTemplates t = templates(Duration.ofSeconds(5), Set.of());
    assertThatThrownBy(() -> new CommandTemplates(t.describe(), List.of("kubectl", "scale", "--replicas={weight}"),
        null, t.shiftTraffic(), t.markLive(), t.retire(), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deploy: uses {weight}, which deploy does not know")
        .hasMessageContaining("smokeTest: an argv template is required");
  }

  @Test
  void kubectlExampleRendersAValidJsonPatch() throws Exception {
    CommandTemplates k = CommandTemplates.kubectlExample();
    List<String> argv = Placeholders.render(k.shiftTraffic(), Map.of("service", "learning-api", "environment", "prod",
        "colour", "green", "weight", "10", "otherColour", "blue", "otherWeight", "90"));
    assertThat(argv.subList(0, 5)).containsExactly("kubectl", "--context", "prod", "--namespace", "learning-api");
    String patch = argv.get(argv.size() - 1);
    assertThat(dev.runbook.activities.support.Json.MAPPER.readTree(patch).at("/spec/http/0/route/1/weight").asInt()).isEqualTo(90);
    assertThat(CommandTemplates.flyctlExample().retire()).containsExactly(
        "flyctl", "scale", "count", "0", "--app", "{service}-{environment}-{colour}", "--yes");
  }
}
