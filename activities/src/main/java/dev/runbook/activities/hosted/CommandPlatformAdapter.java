package dev.runbook.activities.hosted;

import dev.runbook.activities.platform.ProcessRunner;
import dev.runbook.activities.support.Text;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import io.temporal.failure.ApplicationFailure;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A platform driven by its CLI ({@link PlatformCommands}: flyctl, railway): argv arrays rendered
 * from checked values, run without a shell. Health is an HTTP probe ({@link HttpHealth}).
 */
public final class CommandPlatformAdapter implements PlatformAdapter {
  public static final String COMMAND_FAILED = "PlatformCommandFailed";
  public static final String COMMAND_REFUSED = "PlatformCommandRefused";

  private final String platform;
  private final PlatformCommands commands;
  private final HttpHealth health;
  private final File workingDirectory;

  public CommandPlatformAdapter(String platform, PlatformCommands commands, HttpHealth health, File workingDirectory) {
    this.platform = platform;
    this.commands = commands;
    this.health = health;
    this.workingDirectory = workingDirectory;
  }

  @Override
  public PlatformRelease current(String service, String environment) {
    return ReleaseOutput.parse(platform, run("record", commands.current(), values(service, environment, null, null, null)));
  }

  @Override
  public PlatformRelease deploy(String service, String environment, String version) {
    Map<String, String> values = values(service, environment, version, null, null);
    values.put("image", imageOf(values));
    run("deploy", commands.deploy(), values);
    return current(service, environment);
  }

  @Override
  public PlatformHealth probeHealth(String service, String environment) {
    return health.probe(renderUrl(commands.healthUrl(), values(service, environment, null, null, null)));
  }

  @Override
  public PlatformRelease rollback(String service, String environment, PlatformRelease recorded) {
    run("rollback", commands.rollback(), values(service, environment, recorded.version(), recorded.image(),
        recorded.releaseId()));
    return current(service, environment);
  }

  /** The argv an action would run with these values (what the tests assert on). */
  List<String> argv(ArgvTemplate template, Map<String, String> values) {
    try {
      return template.render(values);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(platform + ": " + e.getMessage(), COMMAND_REFUSED);
    }
  }

  private String run(String action, ArgvTemplate template, Map<String, String> values) {
    List<String> argv = argv(template, values);
    ProcessRunner.Result result;
    try {
      result = ProcessRunner.run(argv, commands.timeout(), workingDirectory);
    } catch (IOException e) {
      throw ApplicationFailure.newNonRetryableFailure(platform + " " + action + ": cannot start " + argv.get(0)
          + " (" + e.getMessage() + ")", COMMAND_REFUSED);
    }
    if (result.timedOut()) {
      throw ApplicationFailure.newFailure(platform + " " + action + ": " + argv.get(0) + " timed out after "
          + commands.timeout(), COMMAND_FAILED);
    }
    if (result.exitCode() != 0) {
      String message = platform + " " + action + ": " + argv.get(0) + " exited " + result.exitCode() + ": "
          + Text.truncate(result.stderr().isBlank() ? result.stdout() : result.stderr(), 500);
      throw commands.nonRetryableExitCodes().contains(result.exitCode())
          ? ApplicationFailure.newNonRetryableFailure(message, COMMAND_REFUSED)
          : ApplicationFailure.newFailure(message, COMMAND_FAILED);
    }
    return result.stdout();
  }

  private Map<String, String> values(String service, String environment, String version, String image, String releaseId) {
    Map<String, String> values = new HashMap<>();
    values.put("service", service);
    values.put("environment", environment);
    if (commands.app() != null) {
      values.put("app", commands.app());
    }
    if (version != null) {
      values.put("version", version);
    }
    if (image != null) {
      values.put("image", image);
    }
    if (releaseId != null) {
      values.put("releaseId", releaseId);
    }
    return values;
  }

  private String imageOf(Map<String, String> values) {
    String image = renderUrl(commands.image(), values);
    try {
      ArgvTemplate.checkValue("image", image);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(platform + ": " + e.getMessage(), COMMAND_REFUSED);
    }
    return image;
  }

  /** A URL or image template: placeholders replaced by checked values (one argument, or one URL). */
  private String renderUrl(String template, Map<String, String> values) {
    try {
      return ArgvTemplate.renderElement(template, values);
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(platform + ": " + e.getMessage(), COMMAND_REFUSED);
    }
  }
}
