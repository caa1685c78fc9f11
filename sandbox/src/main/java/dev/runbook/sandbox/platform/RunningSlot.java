package dev.runbook.sandbox.platform;

import dev.runbook.sandbox.metrics.SlotMetrics;

/** A release that is up on a slot: where it answers, where it counts, how to stop it. */
public interface RunningSlot extends AutoCloseable {

  /** Base URL without a trailing slash. */
  String url();

  /** The metrics series its requests and health checks are counted in. */
  SlotMetrics metrics();

  /** False once {@link #close()} was called. */
  boolean running();

  /** Stops serving; idempotent. */
  @Override
  void close();
}
