package dev.runbook.sandbox.platform;

import java.util.List;

/**
 * An immutable snapshot of where a service's traffic goes, published after every change so the
 * router reads it without taking the service's lock.
 *
 * @param blueUrls base URLs of the blue slot's instances while it runs, else empty (same for green)
 */
public record RouteTable(String service, List<String> blueUrls, int blueWeight, List<String> greenUrls,
    int greenWeight) {

  public RouteTable {
    blueUrls = blueUrls == null ? List.of() : List.copyOf(blueUrls);
    greenUrls = greenUrls == null ? List.of() : List.copyOf(greenUrls);
  }

  /** One instance per colour (null: the colour runs nothing). */
  public RouteTable(String service, String blueUrl, int blueWeight, String greenUrl, int greenWeight) {
    this(service, blueUrl == null ? List.of() : List.of(blueUrl), blueWeight,
        greenUrl == null ? List.of() : List.of(greenUrl), greenWeight);
  }

  /** Where a request goes. */
  public record Target(Colour colour, String url) {}

  /** {@link #pick(int, int)} on the colour's first instance. */
  public Target pick(int roll) {
    return pick(roll, 0);
  }

  /**
   * Picks the slot for a request given a uniform roll in {@code [0, 100)}: blue when the roll is
   * below blue's weight, so weights 0 and 100 are exact; then the instance {@code instanceRoll}
   * modulo the colour's instances, so instances share the colour's traffic evenly. Null when the
   * pick has no server.
   */
  public Target pick(int roll, int instanceRoll) {
    boolean blue = roll < blueWeight;
    List<String> urls = blue ? blueUrls : greenUrls;
    if (urls.isEmpty()) {
      return null;
    }
    return new Target(blue ? Colour.BLUE : Colour.GREEN, urls.get(Math.floorMod(instanceRoll, urls.size())));
  }

  /** Base URL of the first blue instance, or null. */
  public String blueUrl() {
    return blueUrls.isEmpty() ? null : blueUrls.get(0);
  }

  public String greenUrl() {
    return greenUrls.isEmpty() ? null : greenUrls.get(0);
  }
}
