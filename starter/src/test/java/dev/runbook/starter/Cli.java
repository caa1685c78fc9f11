package dev.runbook.starter;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process and captures what it printed. */
final class Cli {
  record Result(int code, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cmd = RunbookCli.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
