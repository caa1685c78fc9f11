package dev.runbook.workflows.kit;

/**
 * What a watch looks at: the new release's colour and version, and the stable colour and the
 * version it runs to compare with (null when there is none). Metrics are read per colour and
 * version, so the window never counts an earlier release that ran on the same colour.
 */
public record ServiceTarget(String colour, String version, String stableColour, String stableVersion) {

  /** A target without a baseline. */
  public static ServiceTarget alone(String colour, String version) {
    return new ServiceTarget(colour, version, null, null);
  }
}
