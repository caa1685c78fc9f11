package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official Temporal TypeScript client ({@code @temporalio/client}, pinned with its whole tree
 * by src/test/ts-client/package-lock.json), installed by npm into target/ts-client and run with
 * node. The build folder is the cache: npm's download cache in target/npm-cache, and a second
 * run with the same lock file installs nothing. Node 20.3+ and npm are required: the test fails,
 * naming what is missing, never skips.
 */
final class TsClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SOURCES = Path.of("src/test/ts-client");
  private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\..*");

  private final Path home;

  private TsClient(Path home) {
    this.home = home;
  }

  /** Checks node and npm, then installs the client into {@code target/ts-client} unless it is there already. */
  static TsClient install() throws IOException, InterruptedException {
    Path home = Path.of("target/ts-client").toAbsolutePath();
    Files.createDirectories(home);
    requireNode(home);
    for (String file : List.of("package.json", "package-lock.json")) {
      Files.copy(SOURCES.resolve(file), home.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installedLock = home.resolve("node_modules/.installed-from-lock.json");
    String lock = Files.readString(home.resolve("package-lock.json"));
    if (!Files.exists(installedLock) || !Files.readString(installedLock).equals(lock)) {
      Path cache = Path.of("target/npm-cache").toAbsolutePath();
      long started = System.nanoTime();
      // no install scripts: the client is plain JavaScript, and none of its tree needs one to work
      run(home, Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--cache",
          cache.toString());
      Files.writeString(installedLock, lock);
      System.err.printf("[ts-client] npm ci took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
    return new TsClient(home);
  }

  private static void requireNode(Path home) throws InterruptedException {
    String version;
    try {
      version = run(home, Duration.ofSeconds(30), "node", "--version").strip();
      run(home, Duration.ofSeconds(30), "npm", "--version");
    } catch (IOException missing) {
      throw new AssertionError("the UI-path test needs Node.js 20.3+ and npm on PATH to install the Temporal"
          + " TypeScript client (Debian: apt-get install nodejs npm): " + missing.getMessage(), missing);
    }
    Matcher m = NODE_VERSION.matcher(version);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 20 || (Integer.parseInt(m.group(1)) == 20
        && Integer.parseInt(m.group(2)) < 3)) {
      throw new AssertionError("the UI-path test needs Node.js 20.3 or later (@temporalio/client's engines);"
          + " `node --version` says " + version);
    }
  }

  /**
   * Runs {@code script} (a file of src/test/ts-client) with {@code plan} as its argument, and
   * returns the JSON line it prints last on stdout.
   */
  JsonNode runScript(String script, JsonNode plan, Duration limit) throws IOException, InterruptedException {
    Files.copy(SOURCES.resolve(script), home.resolve(script), StandardCopyOption.REPLACE_EXISTING);
    Path planFile = home.resolve(script + ".plan.json");
    Files.writeString(planFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
    String out = run(home, limit, "node", script, planFile.toString());
    String[] lines = out.strip().split("\n");
    String last = lines[lines.length - 1];
    Files.writeString(home.resolve(script + ".out.json"), last); // kept for a person reading a failure
    return JSON.readTree(last);
  }

  /** Runs a command in {@code dir}; its stdout, or an AssertionError with its output when it fails. */
  private static String run(Path dir, Duration limit, String... command) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile(dir, command[0] + "-", ".out");
    Path stderr = Files.createTempFile(dir, command[0] + "-", ".err");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", command) + " did not finish within " + limit
            + "\nstderr:\n" + tail(stderr));
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + "\nstdout:\n"
            + tail(stdout) + "\nstderr:\n" + tail(stderr));
      }
      System.err.print(Files.readString(stderr, StandardCharsets.UTF_8));
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
