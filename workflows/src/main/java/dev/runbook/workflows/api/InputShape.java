package dev.runbook.workflows.api;

import java.util.List;

/**
 * Refuses workflow inputs that carry fields the procedure does not know ({@code "skipCanary":
 * true}, {@code "requestedby"}): decoding keeps them (see {@link HasUnknownFields}) so old
 * histories still replay, and this check names them. The registry's validator calls it before a
 * start (CLI exit 64); a workflow's first step calls it behind a version marker. Pure code.
 */
public final class InputShape {

  private InputShape() {}

  /** As {@link #unknownFieldProblems(Record)}, for a caller that holds any procedure's request. */
  public static List<String> unknownFieldProblemsOfAny(Object input) {
    if (input instanceof Record && input instanceof HasUnknownFields fields) {
      @SuppressWarnings("unchecked")
      Class<? extends Record> type = (Class<? extends Record>) input.getClass();
      return UnknownFields.problems(type.getSimpleName().replaceFirst("Request$", "") + " input",
          fields.unknownFields(), UnknownFields.known(type));
    }
    return List.of();
  }

  /** One message per unknown field of {@code input}; empty for a null input or a clean one. */
  public static <R extends Record & HasUnknownFields> List<String> unknownFieldProblems(R input) {
    return unknownFieldProblemsOfAny(input);
  }
}
