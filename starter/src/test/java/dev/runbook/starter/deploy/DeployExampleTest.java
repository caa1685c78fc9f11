package dev.runbook.starter.deploy;

import static dev.runbook.starter.deploy.ResolvedCompose.REPO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.RunbookCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * .github/workflows/deploy.example.yml: every `./runbook` command in it parses against the real
 * command line (the subcommand exists, every flag exists, nothing required is missing), the
 * deploy waits with JSON output and fails the job on every documented non-zero exit code, and a
 * job behind the `production` environment's approval promotes the run.
 */
class DeployExampleTest {
  private static Map<String, Map<String, Object>> jobs;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parseWorkflow() throws Exception {
    String yaml = Files.readString(REPO.resolve(".github/workflows/deploy.example.yml"));
    Map<Object, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    jobs = (Map<String, Map<String, Object>>) workflow.get("jobs");
    assertThat(jobs).isNotEmpty();
  }

  @Test
  void everyRunbookCommandParsesAgainstTheRealCommandLineAndHasHelp() {
    List<List<String>> commands = new ArrayList<>();
    scripts().values().forEach(script -> commands.addAll(ShellWords.runbookCommands(script)));
    assertThat(commands).hasSizeGreaterThanOrEqualTo(3);
    for (List<String> args : commands) {
      ParseResult parsed;
      try {
        parsed = RunbookCli.commandLine().parseArgs(args.toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError("./runbook " + String.join(" ", args) + ": " + e.getMessage(), e);
      }
      List<String> path = new ArrayList<>();
      ParseResult leaf = parsed;
      while (leaf.hasSubcommand()) {
        leaf = leaf.subcommand();
        path.add(leaf.commandSpec().name());
      }
      assertThat(leaf.commandSpec().subcommands()).as("%s names a command that runs", path).isEmpty();
      path.add("--help");
      CommandLine help = RunbookCli.commandLine();
      help.setOut(new PrintWriter(new StringWriter()));
      assertThat(help.execute(path.toArray(String[]::new))).as("./runbook %s", String.join(" ", path)).isZero();
    }
  }

  @Test
  void theDeployWaitsWithJsonOutputAndFailsTheJobOnEveryOutcomeButSuccess() throws Exception {
    String deploy = scripts().entrySet().stream()
        .filter(e -> e.getValue().contains("./runbook start code-deploy")).map(Map.Entry::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no step runs ./runbook start code-deploy"));
    List<String> start = ShellWords.runbookCommands(deploy).get(0);
    assertThat(start).contains("--wait").containsSequence("-o", "json");

    Map<Integer, String> arms = new TreeMap<>();
    Matcher arm = Pattern.compile("(?m)^\\s*(\\d+)\\)(.*)$").matcher(deploy);
    while (arm.find()) {
      arms.put(Integer.parseInt(arm.group(1)), arm.group(2));
    }
    TreeSet<Integer> outcomes = new TreeSet<>(documentedExitCodes());
    outcomes.remove(ExitCodes.UNEXPECTED); // the catch-all arm handles it
    assertThat(arms.keySet()).containsAll(outcomes);
    arms.forEach((code, body) -> assertThat(body.contains("exit 1")).as("exit %d fails the job", code)
        .isEqualTo(code != ExitCodes.SUCCEEDED));
    assertThat(deploy).contains("*)");
  }

  @Test
  void aJobBehindTheProductionApprovalPromotesTheRunAsTheReviewer() {
    List<Map<String, Object>> gated = jobs.values().stream()
        .filter(job -> "production".equals(String.valueOf(job.get("environment")))).toList();
    assertThat(gated).hasSize(1);
    String scripts = String.join("\n", runScripts(gated.get(0)));
    List<List<String>> promotes = ShellWords.runbookCommands(scripts).stream()
        .filter(c -> c.get(0).equals("promote")).toList();
    assertThat(promotes).hasSize(1);
    assertThat(promotes.get(0)).contains("--as");
    assertThat(scripts).contains("/approvals"); // the reviewer's login, not the requester's
  }

  /** README's exit-code table lists every code the CLI documents. */
  @Test
  void theReadmeTableListsEveryExitCode() throws Exception {
    String readme = Files.readString(REPO.resolve("README.md"));
    for (int code : documentedExitCodes()) {
      assertThat(readme).as("README exit-code row for %d", code).containsPattern("(?m)^\\| " + code + " \\|");
    }
    assertThat(readme).contains(".github/workflows/deploy.example.yml");
  }

  /** Step name (job/step) to its `run` script, for every job. */
  private static Map<String, String> scripts() {
    Map<String, String> out = new TreeMap<>();
    jobs.forEach((name, job) -> {
      List<String> runs = runScripts(job);
      for (int i = 0; i < runs.size(); i++) {
        out.put(name + "/" + i, runs.get(i));
      }
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> runScripts(Map<String, Object> job) {
    return ((List<Map<String, Object>>) job.get("steps")).stream()
        .filter(step -> step.get("run") != null).map(step -> String.valueOf(step.get("run"))).toList();
  }

  private static List<Integer> documentedExitCodes() throws IllegalAccessException {
    List<Integer> codes = new ArrayList<>();
    for (Field f : ExitCodes.class.getFields()) {
      if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
        codes.add(f.getInt(null));
      }
    }
    assertThat(codes).hasSizeGreaterThanOrEqualTo(7);
    return codes;
  }
}
