package dev.runbook.sandbox;

import dev.runbook.sandbox.catalog.CatalogException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line entry point: starts a sandbox, prints exactly one line on stdout when everything
 * listens, and runs until {@code POST /api/shutdown} or SIGTERM.
 *
 * <p>The ready line {@code sandbox ready admin=http://127.0.0.1:7300 router=http://127.0.0.1:7301}
 * is a contract: launchers wait for it and parse both URLs from it, so logs go to stderr. With
 * {@code --environments dev,staging,production} it ends with {@code environments=dev@ADMIN@ROUTER,...}:
 * a sandbox of their own per environment ({@link EnvironmentSandboxes}).
 *
 * <p>Exit codes: 0 stopped normally, 64 bad arguments or invalid catalog, 1 could not start (for
 * instance a port in use).
 */
public final class SandboxMain {

  static final int EXIT_OK = 0;
  static final int EXIT_CANNOT_START = 1;
  static final int EXIT_USAGE = 64;

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Before any logger exists; a library user of Sandbox keeps its own logging configuration.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "sandbox-logback.xml");
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs until the sandbox stops; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    if (SandboxArgs.wantsHelp(args)) {
      out.println(SandboxArgs.USAGE);
      return EXIT_OK;
    }
    SandboxOptions options;
    List<String> environments = new ArrayList<>();
    try {
      options = SandboxArgs.parse(withoutEnvironments(args, environments));
    } catch (UsageException | IllegalArgumentException e) {
      err.println("sandbox: " + e.getMessage());
      err.println(SandboxArgs.USAGE);
      return EXIT_USAGE;
    }
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(options);
    } catch (CatalogException e) {
      err.println("sandbox: " + e.getMessage());
      return EXIT_USAGE;
    } catch (IOException | UncheckedIOException e) {
      err.println("sandbox: " + e.getMessage());
      return EXIT_CANNOT_START;
    }
    EnvironmentSandboxes others;
    try {
      others = EnvironmentSandboxes.start(environments, options);
    } catch (IOException | UncheckedIOException e) {
      sandbox.close();
      err.println("sandbox: " + e.getMessage());
      return EXIT_CANNOT_START;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      others.close();
      sandbox.close();
    }, "sandbox-stop-on-signal"));
    out.println("sandbox ready admin=" + sandbox.adminUrl() + " router=" + sandbox.routerUrl()
        + (environments.isEmpty() ? "" : " environments=" + others.describe()));
    out.flush();
    sandbox.awaitClosed();
    others.close();
    return EXIT_OK;
  }

  /** {@code args} without {@code --environments NAMES}, whose names go to {@code environments}. */
  static String[] withoutEnvironments(String[] args, List<String> environments) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (EnvironmentSandboxes.OPTION.equals(args[i])) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(EnvironmentSandboxes.OPTION + " needs names, e.g. dev,staging,production");
        }
        environments.addAll(EnvironmentSandboxes.names(args[++i]));
      } else {
        rest.add(args[i]);
      }
    }
    return rest.toArray(String[]::new);
  }
}
