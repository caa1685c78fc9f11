package dev.runbook.sandbox.platform;

import dev.runbook.sandbox.catalog.ReleaseSpec;
import java.io.IOException;
import java.util.Map;

/**
 * Starts one instance of a release on a slot with the service's current config. An interface so
 * the deploy state machine does not know how instances are made (an HTTP server here; a process or
 * container would fit the same contract).
 */
@FunctionalInterface
public interface SlotLauncher {
  RunningSlot launch(String service, Colour colour, int instance, ReleaseSpec release, Map<String, String> config)
      throws IOException;
}
