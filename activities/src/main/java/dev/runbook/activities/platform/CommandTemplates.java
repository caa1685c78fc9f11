package dev.runbook.activities.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The argv templates of a command-line platform (kubectl, flyctl, a team's own scripts), one per
 * action, bound by the worker from YAML. Templates are argv arrays, never shell strings: each
 * element is one argument after placeholder substitution, so nothing a request carries can inject
 * a command. Placeholders and which action knows which:
 *
 * <ul>
 *   <li>all: {@code {service} {environment}}
 *   <li>deploy, smokeTest, markLive, retire: {@code {colour} {version}} (for smokeTest, markLive
 *       and retire the version the colour runs now, from describe)
 *   <li>shiftTraffic: {@code {colour} {weight} {otherColour} {otherWeight}} (other = 100 - weight)
 *   <li>markLive: also {@code {otherColour}}
 *   <li>checkRelease (optional): {@code {version}}, the release a run is about to deploy
 * </ul>
 *
 * <p>{@code describe} must print the service state as JSON on stdout, in the shape of {@code
 * ServiceState}: {@code {"service":"learning-api","liveColour":"blue","slots":[{"colour":"blue",
 * "version":"v1.5.0","role":"LIVE","weight":100},{"colour":"green","version":null,"role":"EMPTY",
 * "weight":0}]}} with roles LIVE, CANARY, STANDBY, RETIRED, EMPTY. {@code smokeTest} passes on exit
 * 0; if its stdout is {@code {"passed":..,"checks":..,"failures":..,"detail":..}} that is used.
 * {@code checkRelease} exits 0 when the platform has the version and 1 when it does not (as {@code
 * docker manifest inspect} or {@code test -e} do); any other exit means "cannot tell".
 *
 * @param timeout per command (default 5 minutes)
 * @param nonRetryableExitCodes exit codes that mean "a retry cannot help" (bad flag, forbidden)
 * @param workingDirectory where commands run (default: the worker's working directory)
 * @param checkRelease optional; without it a release check answers UNKNOWN and the deploy decides
 */
public record CommandTemplates(
    List<String> describe,
    List<String> deploy,
    List<String> smokeTest,
    List<String> shiftTraffic,
    List<String> markLive,
    List<String> retire,
    Duration timeout,
    Set<Integer> nonRetryableExitCodes,
    String workingDirectory,
    List<String> checkRelease) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private static final Set<String> COMMON = Set.of("service", "environment");
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "describe", COMMON,
      "deploy", Set.of("service", "environment", "colour", "version"),
      "smokeTest", Set.of("service", "environment", "colour", "version"),
      "shiftTraffic", Set.of("service", "environment", "colour", "weight", "otherColour", "otherWeight"),
      "markLive", Set.of("service", "environment", "colour", "version", "otherColour"),
      "retire", Set.of("service", "environment", "colour", "version"),
      "checkRelease", Set.of("service", "environment", "version"));

  /** Without a release check. */
  public CommandTemplates(List<String> describe, List<String> deploy, List<String> smokeTest,
      List<String> shiftTraffic, List<String> markLive, List<String> retire, Duration timeout,
      Set<Integer> nonRetryableExitCodes, String workingDirectory) {
    this(describe, deploy, smokeTest, shiftTraffic, markLive, retire, timeout, nonRetryableExitCodes,
        workingDirectory, null);
  }

  public CommandTemplates {
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    nonRetryableExitCodes = nonRetryableExitCodes == null ? Set.of() : Set.copyOf(nonRetryableExitCodes);
    Map<String, List<String>> byAction = new LinkedHashMap<>();
    byAction.put("describe", describe);
    byAction.put("deploy", deploy);
    byAction.put("smokeTest", smokeTest);
    byAction.put("shiftTraffic", shiftTraffic);
    byAction.put("markLive", markLive);
    byAction.put("retire", retire);
    if (checkRelease != null) {
      byAction.put("checkRelease", checkRelease);
    }
    List<String> problems = new ArrayList<>();
    byAction.forEach((action, argv) -> {
      if (argv == null || argv.isEmpty() || argv.get(0) == null || argv.get(0).isBlank()) {
        problems.add(action + ": an argv template is required, e.g. [kubectl, ...]");
        return;
      }
      if (argv.stream().anyMatch(java.util.Objects::isNull)) {
        problems.add(action + ": template has an empty element");
        return;
      }
      for (String name : Placeholders.used(argv)) {
        if (!ALLOWED.get(action).contains(name)) {
          problems.add(action + ": uses {" + name + "}, which " + action + " does not know; it knows "
              + ALLOWED.get(action).stream().sorted().map(n -> "{" + n + "}").toList());
        }
      }
    });
    if (timeout.isNegative() || timeout.isZero()) {
      problems.add("timeout must be positive, was " + timeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid command templates:\n  " + String.join("\n  ", problems));
    }
    describe = List.copyOf(describe);
    deploy = List.copyOf(deploy);
    smokeTest = List.copyOf(smokeTest);
    shiftTraffic = List.copyOf(shiftTraffic);
    markLive = List.copyOf(markLive);
    retire = List.copyOf(retire);
    checkRelease = checkRelease == null ? null : List.copyOf(checkRelease);
  }

  /**
   * Blue-green on Kubernetes with Istio: Deployments {@code <service>-blue|green} in namespace
   * {@code <service>}, a VirtualService {@code <service>} with subsets per colour, kube context =
   * environment. {@code describe} is a small script you keep next to your manifests (see the
   * module README for one written with kubectl and jq). Exit code 1 is kubectl's generic error
   * (retried); nothing is marked non-retryable here.
   */
  public static CommandTemplates kubectlExample() {
    List<String> kubectl = List.of("kubectl", "--context", "{environment}", "--namespace", "{service}");
    return new CommandTemplates(
        List.of("ops/k8s-bluegreen-describe.sh", "{environment}", "{service}"),
        concat(kubectl, "patch", "deployment", "{service}-{colour}", "--type", "strategic", "--patch",
            "{\"spec\":{\"replicas\":2,\"template\":{\"metadata\":{\"labels\":{\"version\":\"{version}\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"registry.example.com/{service}:{version}\"}]}}}}"),
        concat(kubectl, "rollout", "status", "deployment/{service}-{colour}", "--timeout=240s"),
        concat(kubectl, "patch", "virtualservice", "{service}", "--type", "merge", "--patch",
            "{\"spec\":{\"http\":[{\"route\":["
                + "{\"destination\":{\"host\":\"{service}\",\"subset\":\"{colour}\"},\"weight\":{weight}},"
                + "{\"destination\":{\"host\":\"{service}\",\"subset\":\"{otherColour}\"},\"weight\":{otherWeight}}]}]}}"),
        concat(kubectl, "annotate", "--overwrite", "virtualservice", "{service}", "runbook.dev/live-colour={colour}"),
        concat(kubectl, "scale", "deployment/{service}-{colour}", "--replicas=0"),
        Duration.ofMinutes(5),
        Set.of(),
        null);
  }

  /**
   * Blue-green on Fly.io: one app per colour ({@code <service>-<environment>-<colour>}) behind a
   * small router app whose secrets hold the split. Fly has no weighted routing of its own, hence
   * the router. {@code describe} is again a script of yours (flyctl status --json + jq).
   */
  public static CommandTemplates flyctlExample() {
    String app = "{service}-{environment}-{colour}";
    String router = "{service}-{environment}-router";
    return new CommandTemplates(
        List.of("ops/fly-bluegreen-describe.sh", "{environment}", "{service}"),
        List.of("flyctl", "deploy", "--app", app, "--image", "registry.fly.io/{service}:{version}",
            "--env", "RELEASE_VERSION={version}"),
        List.of("curl", "--fail", "--silent", "--show-error", "--max-time", "10", "https://" + app + ".fly.dev/health"),
        List.of("flyctl", "secrets", "set", "--app", router, "WEIGHT_{colour}={weight}", "WEIGHT_{otherColour}={otherWeight}"),
        List.of("flyctl", "secrets", "set", "--app", router, "LIVE_COLOUR={colour}"),
        List.of("flyctl", "scale", "count", "0", "--app", app, "--yes"),
        Duration.ofMinutes(10),
        Set.of(),
        null);
  }

  private static List<String> concat(List<String> prefix, String... rest) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(rest));
    return all;
  }
}
