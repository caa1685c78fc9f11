package dev.runbook.activities.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.Json;
import dev.runbook.activities.support.Text;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.SmokeResult;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform driven by command-line tools through {@link CommandTemplates}. Idempotence comes from
 * running {@code describe} first and skipping a change whose state already holds; the tools
 * themselves (kubectl patch/scale, flyctl secrets set) are declarative as well. A non-zero exit is
 * retried unless its code is listed as non-retryable; a program that cannot be started is a
 * configuration error and fails non-retryably.
 */
public class CommandTemplatePlatformProvider implements PlatformProvider {
  private static final Logger log = LoggerFactory.getLogger(CommandTemplatePlatformProvider.class);

  private final CommandTemplates templates;
  private final File workingDirectory;
  private final SmokeRetry smokeRetry;

  public CommandTemplatePlatformProvider(CommandTemplates templates) {
    this(templates, SmokeRetry.standard());
  }

  public CommandTemplatePlatformProvider(CommandTemplates templates, SmokeRetry smokeRetry) {
    this.templates = templates;
    this.workingDirectory = templates.workingDirectory() == null ? null : new File(templates.workingDirectory());
    this.smokeRetry = smokeRetry;
  }

  @Override
  public ServiceState describe(String service, String environment) {
    ProcessRunner.Result result = runOrFail("describe", templates.describe(), values(service, environment));
    try {
      ServiceState state = Json.MAPPER.readValue(result.stdout(), ServiceState.class);
      if (state.liveColour() == null || state.slots() == null || state.slots().isEmpty()
          || state.slots().stream().anyMatch(s -> s.colour() == null || s.role() == null)) {
        throw new IOException("liveColour and slots with colour and role are required");
      }
      return new ServiceState(
          state.service() == null ? service : state.service(),
          state.environment() == null ? environment : state.environment(),
          state.liveColour(),
          state.slots());
    } catch (IOException e) {
      throw PlatformFailures.nonRetryable(PlatformFailures.BAD_DESCRIBE_OUTPUT,
          "describe command did not print service state JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "); expected {\"liveColour\":\"blue\",\"slots\":[{\"colour\":\"blue\",\"version\":\"v1.5.0\","
              + "\"role\":\"LIVE\",\"weight\":100},...]}; stdout: " + Text.truncate(result.stdout(), 500));
    }
  }

  /**
   * Runs the optional {@code checkRelease} template: exit 0 has it, exit 1 does not, anything else
   * (or no template, or a timeout) cannot tell and leaves the decision to the deploy step.
   */
  @Override
  public ReleaseCheck checkRelease(String service, String environment, String version) {
    if (templates.checkRelease() == null) {
      return new ReleaseCheck(version, ReleaseCheck.Availability.UNKNOWN,
          "no check-release command configured for this platform; the deploy step decides");
    }
    Map<String, String> values = values(service, environment);
    values.put("version", version);
    ProcessRunner.Result r = run("checkRelease", templates.checkRelease(), values);
    if (r.timedOut()) {
      return new ReleaseCheck(version, ReleaseCheck.Availability.UNKNOWN,
          "check-release command timed out after " + templates.timeout());
    }
    return switch (r.exitCode()) {
      case 0 -> new ReleaseCheck(version, ReleaseCheck.Availability.AVAILABLE, service + " has " + version);
      case 1 -> new ReleaseCheck(version, ReleaseCheck.Availability.MISSING, "the platform has no " + version + " of "
          + service + tail(": ", firstNonBlank(r.stderr(), r.stdout())));
      default -> new ReleaseCheck(version, ReleaseCheck.Availability.UNKNOWN, "check-release command exited "
          + r.exitCode() + tail("; stderr: ", r.stderr()));
    };
  }

  @Override
  public void deploy(String service, String environment, String colour, String version) {
    SlotState slot = StateChecks.requireSlot(describe(service, environment), colour);
    if (StateChecks.runs(slot, version)) {
      log.info("{} {} in {} already runs {}; nothing to deploy", service, colour, environment, version);
      return;
    }
    Map<String, String> values = values(service, environment);
    values.put("colour", colour);
    values.put("version", version);
    runOrFail("deploy", templates.deploy(), values);
  }

  /**
   * Runs the smoke command, again within the {@link SmokeRetry} deadline while it fails (a
   * command that itself waits longer than the deadline, such as a rollout status, runs once).
   */
  @Override
  public SmokeResult smokeTest(String service, String environment, String colour) {
    SlotState slot = StateChecks.requireSlot(describe(service, environment), colour);
    if (StateChecks.stopped(slot)) {
      return new SmokeResult(false, 1, 1, colour + " of " + service + " runs nothing (" + slot.role() + ")");
    }
    Map<String, String> values = slotValues(service, environment, slot);
    return smokeRetry.run(() -> smokeOnce(values));
  }

  private SmokeResult smokeOnce(Map<String, String> values) {
    ProcessRunner.Result r = run("smokeTest", templates.smokeTest(), values);
    SmokeResult reported = reportedSmokeResult(r.stdout());
    if (reported != null && !r.timedOut()) {
      return r.exitCode() == 0 ? reported
          : new SmokeResult(false, reported.checks(), Math.max(1, reported.failures()), reported.detail());
    }
    if (r.timedOut()) {
      return new SmokeResult(false, 1, 1, "smoke test timed out after " + templates.timeout());
    }
    return r.exitCode() == 0
        ? new SmokeResult(true, 1, 0, "smoke command passed" + tail(" ", r.stdout()))
        : new SmokeResult(false, 1, 1, "smoke command exited " + r.exitCode() + tail("; stderr: ", r.stderr())
            + tail("; stdout: ", r.stdout()));
  }

  @Override
  public void shiftTraffic(String service, String environment, String colour, int weight) {
    ServiceState state = describe(service, environment);
    SlotState slot = StateChecks.requireSlot(state, colour);
    if (slot.weight() == weight) {
      log.info("{} {} in {} already has {}%", service, colour, environment, weight);
      return;
    }
    Map<String, String> values = values(service, environment);
    values.put("colour", colour);
    values.put("weight", Integer.toString(weight));
    values.put("otherColour", StateChecks.otherColour(state, colour));
    values.put("otherWeight", Integer.toString(100 - weight));
    runOrFail("shiftTraffic", templates.shiftTraffic(), values);
  }

  @Override
  public void markLive(String service, String environment, String colour) {
    ServiceState state = describe(service, environment);
    SlotState slot = StateChecks.requireSlot(state, colour);
    if (StateChecks.isLive(state, colour)) {
      log.info("{} {} in {} is already live", service, colour, environment);
      return;
    }
    Map<String, String> values = slotValues(service, environment, slot);
    values.put("otherColour", StateChecks.otherColour(state, colour));
    runOrFail("markLive", templates.markLive(), values);
  }

  @Override
  public void retire(String service, String environment, String colour) {
    SlotState slot = StateChecks.requireSlot(describe(service, environment), colour);
    if (StateChecks.stopped(slot)) {
      log.info("{} {} in {} is already {}", service, colour, environment, slot.role());
      return;
    }
    runOrFail("retire", templates.retire(), slotValues(service, environment, slot));
  }

  private static Map<String, String> values(String service, String environment) {
    Map<String, String> values = new HashMap<>();
    values.put("service", service);
    values.put("environment", environment);
    return values;
  }

  private static Map<String, String> slotValues(String service, String environment, SlotState slot) {
    Map<String, String> values = values(service, environment);
    values.put("colour", slot.colour());
    if (slot.version() != null) {
      values.put("version", slot.version());
    }
    return values;
  }

  private ProcessRunner.Result runOrFail(String action, List<String> template, Map<String, String> values) {
    ProcessRunner.Result r = run(action, template, values);
    if (r.timedOut()) {
      throw PlatformFailures.retryable(PlatformFailures.COMMAND_TIMED_OUT,
          action + " command timed out after " + templates.timeout() + " and was killed: "
              + String.join(" ", Placeholders.render(template, values)) + tail("; stderr: ", r.stderr()));
    }
    if (r.exitCode() != 0) {
      String message = action + " command exited " + r.exitCode() + ": " + String.join(" ", Placeholders.render(template, values))
          + tail("; stderr: ", r.stderr()) + tail("; stdout: ", r.stdout());
      if (templates.nonRetryableExitCodes().contains(r.exitCode())) {
        throw PlatformFailures.nonRetryable(PlatformFailures.COMMAND_FAILED, message);
      }
      throw PlatformFailures.retryable(PlatformFailures.COMMAND_FAILED, message);
    }
    return r;
  }

  private ProcessRunner.Result run(String action, List<String> template, Map<String, String> values) {
    List<String> argv;
    try {
      argv = Placeholders.render(template, values);
    } catch (IllegalArgumentException e) {
      throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
          action + " template needs a value the platform state does not have: " + e.getMessage());
    }
    log.info("running {}: {}", action, argv);
    try {
      return ProcessRunner.run(argv, templates.timeout(), workingDirectory);
    } catch (IOException e) {
      throw PlatformFailures.nonRetryable(PlatformFailures.COMMAND_NOT_RUNNABLE,
          "cannot run " + action + " command '" + argv.get(0) + "' (" + e.getMessage()
              + "); install it on the worker's PATH or fix the template");
    }
  }

  private static SmokeResult reportedSmokeResult(String stdout) {
    try {
      JsonNode node = Json.MAPPER.readTree(stdout);
      if (node != null && node.isObject() && node.has("passed")) {
        return Json.MAPPER.treeToValue(node, SmokeResult.class);
      }
    } catch (IOException | IllegalArgumentException notJson) {
      // plain-text output: judged by the exit code alone
    }
    return null;
  }

  private static String firstNonBlank(String a, String b) {
    return (a == null || a.isBlank() ? (b == null ? "" : b) : a).strip();
  }

  private static String tail(String label, String text) {
    return text == null || text.isBlank() ? "" : label + Text.truncate(text, 1000);
  }
}
