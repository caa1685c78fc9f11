package dev.runbook.workflows.kit;

import java.util.Set;

/**
 * What a procedure declares about its target lock: whether another run may pre-empt it (abort it
 * and wait for its compensations) while it holds the lock, and which procedures it pre-empts itself.
 * A run also stops being pre-emptible at its point of no return ({@link RunContext#pointOfNoReturn}).
 *
 * @param preemptible whether a pre-empting run may abort this one while it can still roll back
 * @param preempts CLI names of the procedures this run aborts when they hold its target
 * @param reason why, for the pre-empted run's audit trail and incident report
 */
public record Preemption(boolean preemptible, Set<String> preempts, String reason) {

  /** Holds its target alone; refuses to start while another run holds it. */
  public static Preemption exclusive() {
    return new Preemption(false, Set.of(), null);
  }

  /** Refuses to start while another run holds the target, and may itself be pre-empted. */
  public static Preemption yielding() {
    return new Preemption(true, Set.of(), null);
  }

  /** Aborts a holder of one of {@code procedures} (if it may be pre-empted now) and takes the target. */
  public static Preemption preempting(boolean preemptible, Set<String> procedures, String reason) {
    return new Preemption(preemptible, Set.copyOf(procedures), reason);
  }
}
