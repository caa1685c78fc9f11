package dev.runbook.starter;

import dev.runbook.starter.stack.LocalStackException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps what went wrong to the documented exit codes and prints one specific message on stderr
 * (a stack trace only for unexpected errors with RUNBOOK_DEBUG set).
 */
final class ExitCodeMapper
    implements CommandLine.IExitCodeExceptionMapper,
        CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {

  @Override
  public int getExitCode(Throwable error) {
    if (error instanceof CliException e) {
      return e.exitCode();
    }
    if (error instanceof ParameterException) {
      return ExitCodes.BAD_INPUT;
    }
    if (error instanceof LocalStackException) {
      return ExitCodes.UNEXPECTED;
    }
    if (TemporalConnection.isUnreachable(error)) {
      return ExitCodes.UNAVAILABLE;
    }
    return ExitCodes.UNEXPECTED;
  }

  @Override
  public int handleExecutionException(Exception error, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (error instanceof CliException || error instanceof LocalStackException) {
      err.println(error.getMessage());
    } else {
      err.println("unexpected error: " + error);
      if (System.getenv("RUNBOOK_DEBUG") != null) {
        error.printStackTrace(err);
      } else {
        err.println("(set RUNBOOK_DEBUG=1 for the stack trace)");
      }
    }
    err.flush();
    return getExitCode(error);
  }

  @Override
  public int handleParseException(ParameterException error, String[] args) {
    CommandLine cmd = error.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(error.getMessage());
    UnmatchedArgumentException.printSuggestions(error, err);
    err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
