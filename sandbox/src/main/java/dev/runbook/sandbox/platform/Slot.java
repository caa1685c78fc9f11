package dev.runbook.sandbox.platform;

/**
 * Mutable state of one colour of one service. Guarded by its {@link ServiceState}; never shared
 * outside it (callers get {@link SlotView} copies).
 */
final class Slot {

  final Colour colour;
  SlotRole role = SlotRole.EMPTY;
  String version;
  int weight;
  RunningSlot running;

  Slot(Colour colour) {
    this.colour = colour;
  }

  /** Replaces whatever ran here with {@code next}. */
  void run(String nextVersion, RunningSlot next, SlotRole nextRole) {
    stop();
    version = nextVersion;
    running = next;
    role = nextRole;
  }

  /** Stops the server if one runs; role and version are the caller's business. */
  void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  String url() {
    return running == null ? null : running.url();
  }

  SlotView view() {
    return new SlotView(colour, version, role, weight, url());
  }
}
