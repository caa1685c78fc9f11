package dev.runbook.lessons.validation;

/** One problem in one lesson file; {@link #toString()} is the {@code file:line: message} form. */
public record Problem(String file, int line, String message) implements Comparable<Problem> {
  @Override
  public int compareTo(Problem o) {
    int byFile = file.compareTo(o.file);
    return byFile != 0 ? byFile : Integer.compare(line, o.line);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
