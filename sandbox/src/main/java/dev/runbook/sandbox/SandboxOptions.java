package dev.runbook.sandbox;

import dev.runbook.sandbox.lessons.LearnerOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to start a sandbox.
 *
 * @param adminPort   port of the admin API (0 = any free port)
 * @param routerPort  port of the weighted router (0 = any free port)
 * @param catalogFile release catalog YAML, or null for the catalog shipped on the classpath
 * @param loadEnabled whether the load generators send background traffic
 * @param seed        seed for all simulated chance (reproducible runs), or null for unseeded
 * @param adminDelayMillis how long every changing admin call (deploy, traffic, live, retire) takes
 *     before it acts, like a slow platform API; crash tests kill the worker while a call is in flight
 * @param learners    the platform lesson store and the learner simulation; off unless it has a
 *     database URL
 * @param extraServices how many quiet services ({@code svc-0001}...) to add to the catalog, for
 *     capacity benchmarks (0 = none)
 * @param bindAddress IP literal the admin API and the router listen on: 127.0.0.1 unless the
 *     sandbox runs in a container, whose network is the boundary (0.0.0.0 there); release slots
 *     always stay on loopback, only the router reaches them
 */
public record SandboxOptions(
    int adminPort, int routerPort, Path catalogFile, boolean loadEnabled, Long seed, long adminDelayMillis,
    LearnerOptions learners, int extraServices, String bindAddress) {

  public static final int DEFAULT_ADMIN_PORT = 7300;
  public static final int DEFAULT_ROUTER_PORT = 7301;
  public static final String LOOPBACK = "127.0.0.1";
  /** IPv4 or IPv6 literals only: a bind address never depends on name resolution. */
  private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

  public SandboxOptions {
    checkPort("admin port", adminPort);
    checkPort("router port", routerPort);
    if (adminDelayMillis < 0) {
      throw new IllegalArgumentException("admin delay must not be negative, got " + adminDelayMillis);
    }
    Objects.requireNonNull(learners, "learners (use LearnerOptions.off())");
    if (extraServices < 0 || extraServices > 9_999) {
      throw new IllegalArgumentException("extra services must be between 0 and 9999, got " + extraServices);
    }
    if (bindAddress == null || !IP_LITERAL.matcher(bindAddress).matches()) {
      throw new IllegalArgumentException(
          "bind address must be an IP address such as 127.0.0.1 or 0.0.0.0, got " + bindAddress);
    }
  }

  public SandboxOptions(int adminPort, int routerPort, Path catalogFile, boolean loadEnabled, Long seed,
      long adminDelayMillis, LearnerOptions learners, int extraServices) {
    this(adminPort, routerPort, catalogFile, loadEnabled, seed, adminDelayMillis, learners, extraServices, LOOPBACK);
  }

  public SandboxOptions(int adminPort, int routerPort, Path catalogFile, boolean loadEnabled, Long seed,
      long adminDelayMillis, LearnerOptions learners) {
    this(adminPort, routerPort, catalogFile, loadEnabled, seed, adminDelayMillis, learners, 0);
  }

  /** Without lessons: the shape the sandbox had before it served lessons. */
  public SandboxOptions(int adminPort, int routerPort, Path catalogFile, boolean loadEnabled, Long seed,
      long adminDelayMillis) {
    this(adminPort, routerPort, catalogFile, loadEnabled, seed, adminDelayMillis, LearnerOptions.off());
  }

  /** The command-line defaults: ports 7300/7301, shipped catalog, load on, lessons off. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(DEFAULT_ADMIN_PORT, DEFAULT_ROUTER_PORT, null, true, null, 0);
  }

  /** For tests and embedding: free ports chosen by the OS, shipped catalog, load on, lessons off. */
  public static SandboxOptions ephemeral() {
    return new SandboxOptions(0, 0, null, true, null, 0);
  }

  public SandboxOptions withPorts(int admin, int router) {
    return new SandboxOptions(admin, router, catalogFile, loadEnabled, seed, adminDelayMillis, learners, extraServices, bindAddress);
  }

  public SandboxOptions withCatalog(Path file) {
    return new SandboxOptions(adminPort, routerPort, file, loadEnabled, seed, adminDelayMillis, learners, extraServices, bindAddress);
  }

  public SandboxOptions withLoad(boolean enabled) {
    return new SandboxOptions(adminPort, routerPort, catalogFile, enabled, seed, adminDelayMillis, learners, extraServices, bindAddress);
  }

  public SandboxOptions withSeed(Long newSeed) {
    return new SandboxOptions(adminPort, routerPort, catalogFile, loadEnabled, newSeed, adminDelayMillis, learners, extraServices, bindAddress);
  }

  public SandboxOptions withAdminDelay(long millis) {
    return new SandboxOptions(adminPort, routerPort, catalogFile, loadEnabled, seed, millis, learners, extraServices, bindAddress);
  }

  /** Serves lessons from the platform store described by {@code options} (off without a URL). */
  public SandboxOptions withLearners(LearnerOptions options) {
    return new SandboxOptions(adminPort, routerPort, catalogFile, loadEnabled, seed, adminDelayMillis, options,
        extraServices, bindAddress);
  }

  /** Adds {@code count} quiet services (see {@code QuietServices}). */
  public SandboxOptions withExtraServices(int count) {
    return new SandboxOptions(adminPort, routerPort, catalogFile, loadEnabled, seed, adminDelayMillis, learners, count,
        bindAddress);
  }

  /** Listens on {@code address} (an IP literal) instead of 127.0.0.1. */
  public SandboxOptions withBindAddress(String address) {
    return new SandboxOptions(adminPort, routerPort, catalogFile, loadEnabled, seed, adminDelayMillis, learners,
        extraServices, address);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, got " + port);
    }
  }
}
