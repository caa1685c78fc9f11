package dev.runbook.starter;

import dev.runbook.starter.render.Ansi;
import picocli.CommandLine.Option;

/**
 * How a command prints: `-o text|json`, `--no-color`, `-h`. Part of {@link ClientOptions}; used on
 * its own by commands that never talk to Temporal (`lessons`), so they offer no Temporal flags.
 */
public class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
  OutputFormat output;

  @Option(names = "--no-color", description = "Plain text, no ANSI colors (also when not a TTY or NO_COLOR is set).")
  boolean noColor;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  public boolean json() {
    return output == OutputFormat.json;
  }

  /** Colors only for a person at a terminal. */
  public Ansi ansi() {
    return Ansi.of(!noColor && Terminal.isInteractive() && System.getenv("NO_COLOR") == null);
  }
}
