package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help in the Temporal CLI style: 80 columns, summaries without the command's name, an example each. */
class HelpTest {

  @Test
  void everyCommandHasAWrappedHelpWithALongFlagExample() {
    for (CommandLine cmd : all(RunbookCli.commandLine())) {
      String name = cmd.getCommandSpec().qualifiedName();
      if (name.endsWith(" help")) {
        continue;
      }
      String usage = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertThat(usage.lines()).as(name).allSatisfy(line -> assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80));
      String example = usage.substring(usage.indexOf("Example:"));
      assertThat(example).as(name).contains("runbook ").containsPattern(" --[a-z]");
      String[] summary = cmd.getCommandSpec().usageMessage().header();
      if (cmd.getParent() != null) {
        assertThat(summary).as(name + " has a one-line summary").hasSize(1);
        assertThat(summary[0].toLowerCase()).as(name).doesNotStartWith(cmd.getCommandName());
      }
    }
  }

  @Test
  void helpIsExitZero() {
    assertThat(Cli.run("status", "--help").code()).isZero();
    assertThat(Cli.run("start", "code-deploy", "-h").code()).isZero();
    assertThat(Cli.run().code()).isZero();
  }

  private static List<CommandLine> all(CommandLine root) {
    List<CommandLine> out = new ArrayList<>(List.of(root));
    root.getSubcommands().values().forEach(sub -> out.addAll(all(sub)));
    return out;
  }
}
