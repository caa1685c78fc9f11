package dev.runbook.sandbox.platform;

import dev.runbook.sandbox.catalog.ReleaseSpec;
import java.io.IOException;

/**
 * Starts a release on a slot. An interface so the deploy state machine does not know how instances
 * are made (an HTTP server here; a process or container would fit the same contract).
 */
@FunctionalInterface
public interface SlotLauncher {
  RunningSlot launch(String service, Colour colour, ReleaseSpec release) throws IOException;
}
