package dev.runbook.starter.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The `./runbook ...` command lines in a shell script, split into words as sh would (quotes
 * removed, variables left as written: a parse only needs to know which word is which).
 */
final class ShellWords {
  static final String PROGRAM = "./runbook";

  private ShellWords() {}

  /**
   * Every `./runbook` command that starts a line of {@code script} (continuation lines joined),
   * without the program name, up to a redirection, pipe or the end of the line. A mention inside
   * a message (`echo "see ./runbook status"`) is not a command.
   */
  static List<List<String>> runbookCommands(String script) {
    String joined = script.replace("\\\n", " ");
    List<List<String>> commands = new ArrayList<>();
    for (String line : joined.split("\n")) {
      String command = line.strip();
      if (command.startsWith(PROGRAM + " ")) {
        List<String> words = words(command);
        commands.add(words.subList(1, words.size()));
      }
    }
    return commands;
  }

  /** Words of one command, stopping at the first unquoted operator (> < | ; & ) #). */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
          word.append(command.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if ("><|;&)#".indexOf(c) >= 0 && (c != '#' || word == null)) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c == '\\' && i + 1 < command.length() ? command.charAt(++i) : c);
      }
    }
    if (quote != 0) {
      throw new AssertionError("unclosed " + quote + " in: " + command);
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
