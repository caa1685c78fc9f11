package dev.runbook.starter;

import dev.runbook.starter.run.Failures;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: the shared flags, the output streams, and the translation of "Temporal
 * went away" into exit 69 whichever call noticed it.
 */
public abstract class RunbookCommand implements Callable<Integer> {

  @Mixin protected ClientOptions client;

  @Spec protected CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    try {
      return run();
    } catch (CliException e) {
      throw e;
    } catch (RuntimeException e) {
      if (Failures.isUnavailable(e)) {
        throw TemporalConnection.unreachable(client.address(), e);
      }
      throw e;
    }
  }

  /** The command's work; returns the exit code. */
  protected abstract int run() throws Exception;

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
