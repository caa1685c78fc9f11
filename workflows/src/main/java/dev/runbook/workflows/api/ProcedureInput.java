package dev.runbook.workflows.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The typed half of a {@link Procedure} entry: the request record its workflow method takes, the
 * validator the CLI and the workflow share, and how the target is read from a request. Built with
 * {@link #of} so the three agree on the request type; used through the {@code Object} methods by
 * callers that hold any procedure (the CLI), which check the type once.
 */
public final class ProcedureInput<R> {
  private final Class<R> type;
  private final Function<R, List<String>> validator;
  private final Function<R, RunTarget> target;

  private ProcedureInput(Class<R> type, Function<R, List<String>> validator, Function<R, RunTarget> target) {
    this.type = type;
    this.validator = validator;
    this.target = target;
  }

  public static <R> ProcedureInput<R> of(
      Class<R> type, Function<R, List<String>> validator, Function<R, RunTarget> target) {
    return new ProcedureInput<>(type, validator, target);
  }

  /** The request record's class (the workflow method's parameter type). */
  public Class<R> type() {
    return type;
  }

  /**
   * Every problem with {@code request}, fields it does not know included; empty when it may start.
   * A null request is a problem.
   */
  public List<String> problems(Object request) {
    List<String> problems = new ArrayList<>(validator.apply(request == null ? null : cast(request)));
    problems.addAll(InputShape.unknownFieldProblemsOfAny(request));
    return problems;
  }

  /** The target {@code request} acts on. */
  public RunTarget target(Object request) {
    return target.apply(cast(request));
  }

  private R cast(Object request) {
    if (!type.isInstance(request)) {
      throw new IllegalArgumentException(
          "expected a " + type.getSimpleName() + ", got " + (request == null ? "null" : request.getClass().getSimpleName()));
    }
    return type.cast(request);
  }
}
