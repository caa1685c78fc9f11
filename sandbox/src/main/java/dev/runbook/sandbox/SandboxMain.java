package dev.runbook.sandbox;

import dev.runbook.sandbox.catalog.CatalogException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Command-line entry point: starts a sandbox, prints exactly one line on stdout when everything
 * listens, and runs until {@code POST /api/shutdown} or SIGTERM.
 *
 * <p>The ready line {@code sandbox ready admin=http://127.0.0.1:7300 router=http://127.0.0.1:7301}
 * is a contract: launchers wait for it and parse both URLs from it, so logs go to stderr.
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
    try {
      options = SandboxArgs.parse(args);
    } catch (UsageException e) {
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
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop-on-signal"));
    out.println("sandbox ready admin=" + sandbox.adminUrl() + " router=" + sandbox.routerUrl());
    out.flush();
    sandbox.awaitClosed();
    return EXIT_OK;
  }
}
