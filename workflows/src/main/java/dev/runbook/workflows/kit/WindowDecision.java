package dev.runbook.workflows.kit;

import java.time.Instant;

/**
 * Whether work of a given length may start now in a low-traffic window: START_NOW (inside the
 * window and it ends, with its margin, before the window closes), WAIT until {@code startAt} (the
 * next window that still fits, maybe tomorrow's), or NEVER_FITS (the work is longer than the
 * window). {@code reason} is the sentence the status shows.
 */
public record WindowDecision(Verdict verdict, Instant startAt, String reason) {
  public enum Verdict {
    START_NOW,
    WAIT,
    NEVER_FITS
  }
}
