package dev.runbook.workflows.kit;

import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;

/**
 * The undo list of a run (saga). A compensation is registered before the risky step it undoes,
 * because after a timeout the step's effect is unknown; compensations are idempotent, run in
 * reverse order in a detached cancellation scope (so an abort cannot skip them), and a failing
 * one never stops the others: the caller is told, and pages.
 */
public final class Compensations {
  private static final Logger log = Workflow.getLogger(Compensations.class);

  private record Compensation(String name, Runnable action) {}

  private final Deque<Compensation> stack = new ArrayDeque<>();
  private String sealedBecause;

  public void add(String name, Runnable action) {
    stack.push(new Compensation(name, action));
  }

  public boolean isEmpty() {
    return stack.isEmpty();
  }

  /** Forgets everything: the run reached a point of no return (old colour retired). */
  public void clear() {
    stack.clear();
  }

  /**
   * Forgets everything for good: from now on nothing can be undone, so an abort is refused with
   * {@code why} (it would be accepted, undo nothing, and end ABORTED with the new release live).
   */
  public void seal(String why) {
    stack.clear();
    sealedBecause = why;
  }

  /** Why the run is past its point of no return, or null. */
  public String sealedBecause() {
    return sealedBecause;
  }

  /**
   * Runs every compensation, newest first, and returns the names of those that failed. {@code
   * onEach} is told (name, error or null) after each one.
   */
  public List<String> runAll(BiConsumer<String, RuntimeException> onEach) {
    List<String> failed = new ArrayList<>();
    Workflow.newDetachedCancellationScope(() -> {
      while (!stack.isEmpty()) {
        Compensation c = stack.pop();
        try {
          c.action().run();
          onEach.accept(c.name(), null);
        } catch (RuntimeException e) {
          log.error("compensation '{}' failed", c.name(), e);
          failed.add(c.name());
          onEach.accept(c.name(), e);
        }
      }
    }).run();
    return failed;
  }
}
