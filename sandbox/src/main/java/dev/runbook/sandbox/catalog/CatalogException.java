package dev.runbook.sandbox.catalog;

import java.util.List;

/**
 * A catalog that cannot be used, with every problem found rather than only the first, so a person
 * editing the YAML can fix it in one pass.
 */
public final class CatalogException extends RuntimeException {

  private final List<String> problems;

  public CatalogException(String source, List<String> problems) {
    super("release catalog " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
