package dev.runbook.lessons.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** snakeyaml's syntax errors as an author reads them: the 1-based line, and column and context in words. */
final class YamlSyntaxErrors {
  private YamlSyntaxErrors() {}

  /** The 1-based line of {@code mark}; line 1 when snakeyaml gives none. */
  static int lineOf(Mark mark) {
    return mark == null ? 1 : mark.getLine() + 1;
  }

  static String message(MarkedYAMLException e) {
    StringBuilder s = new StringBuilder("YAML syntax error");
    if (e.getProblemMark() != null) {
      s.append(" at column ").append(e.getProblemMark().getColumn() + 1);
    }
    s.append(": ").append(e.getProblem() == null ? "unreadable" : e.getProblem());
    if (e.getContext() != null) {
      s.append(" (").append(e.getContext());
      if (e.getContextMark() != null && e.getProblemMark() != null
          && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
        s.append(" at line ").append(lineOf(e.getContextMark()));
      }
      s.append(")");
    }
    return s.toString();
  }
}
