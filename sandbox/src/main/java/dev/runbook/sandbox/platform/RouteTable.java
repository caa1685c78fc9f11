package dev.runbook.sandbox.platform;

/**
 * An immutable snapshot of where a service's traffic goes, published after every change so the
 * router reads it without taking the service's lock.
 *
 * @param blueUrl base URL of the blue slot while it runs, else null (same for green)
 */
public record RouteTable(String service, String blueUrl, int blueWeight, String greenUrl, int greenWeight) {

  /** Where a request goes. */
  public record Target(Colour colour, String url) {}

  /**
   * Picks the slot for a request given a uniform roll in {@code [0, 100)}: blue when the roll is
   * below blue's weight. Weights 0 and 100 are therefore exact. Null when the pick has no server.
   */
  public Target pick(int roll) {
    boolean blue = roll < blueWeight;
    String url = blue ? blueUrl : greenUrl;
    return url == null ? null : new Target(blue ? Colour.BLUE : Colour.GREEN, url);
  }
}
