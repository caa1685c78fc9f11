package dev.runbook.workflows.testing;

import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.SmokeResult;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * In-memory blue/green platform: learning-api, v1.5.0 live on blue with 100% of traffic, green
 * empty. Idempotent like the real providers (deploying a version a colour already runs, setting the
 * same split twice or retiring a retired colour change nothing) and as strict: it refuses to
 * retire a colour that carries traffic or to make a colour live without all the traffic. Every
 * call is recorded in order ({@link #calls()}); {@link #timeline()} also records when calls end.
 * {@link #hold(String)} makes the next call of an operation wait until the test releases it.
 */
public final class FakePlatform implements PlatformActivities {
  public static final String SERVICE = "learning-api";

  /** One recorded call: operation, colour (or null) and argument (version, weight or null). */
  public record Call(String op, String colour, String arg) {
    @Override
    public String toString() {
      return op + (colour == null ? "" : " " + colour) + (arg == null ? "" : " " + arg);
    }
  }

  /** A held operation: the test waits for {@link #awaitEntered()}, acts, then {@link #release()}s it. */
  public static final class Hold {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public void awaitEntered() {
      try {
        if (!entered.await(20, TimeUnit.SECONDS)) {
          throw new AssertionError("the held platform call never started");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    public void release() {
      released.countDown();
    }

    public Hold() {}

    void block() {
      entered.countDown();
      try {
        released.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final Map<String, SlotState> slots = new LinkedHashMap<>();
  private String liveColour;
  private final List<Call> calls = new ArrayList<>();
  private final List<String> timeline = new ArrayList<>();
  private final Set<String> failingSmoke = ConcurrentHashMap.newKeySet();
  private final Set<String> unknownVersions = ConcurrentHashMap.newKeySet();
  private final Map<String, Hold> holds = new ConcurrentHashMap<>();
  private final Set<String> transientFailures = new HashSet<>();
  private final Set<String> permanentFailures = new HashSet<>();

  public FakePlatform() {
    reset("blue", "v1.5.0", "green", null);
  }

  /** Sets the whole state: {@code live} runs {@code liveVersion} with 100%, the other colour is standby or empty. */
  public synchronized FakePlatform reset(String live, String liveVersion, String other, String otherVersion) {
    slots.clear();
    slots.put("blue", null);
    slots.put("green", null);
    slots.put(live, new SlotState(live, liveVersion, SlotRole.LIVE, 100));
    slots.put(other, new SlotState(other, otherVersion, otherVersion == null ? SlotRole.EMPTY : SlotRole.STANDBY, 0));
    liveColour = live;
    return this;
  }

  /** Smoke tests of a colour running {@code version} fail (like v1.6.2 in the seeds). */
  public FakePlatform failSmokeTestsOf(String version) {
    failingSmoke.add(version);
    return this;
  }

  public FakePlatform passSmokeTestsOf(String version) {
    failingSmoke.remove(version);
    return this;
  }

  /** Deploying {@code version} fails non-retryably, as for a release that was never built. */
  public FakePlatform unknownVersion(String version) {
    unknownVersions.add(version);
    return this;
  }

  /** The next call of {@code op} ("deployRelease", "smokeTest", ...) waits for the test. */
  public Hold hold(String op) {
    Hold hold = new Hold();
    holds.put(op, hold);
    return hold;
  }

  /** The next call of {@code op} fails once with a retryable error (the retry must be harmless). */
  public synchronized FakePlatform failOnce(String op) {
    transientFailures.add(op);
    return this;
  }

  /** Every call of {@code op} fails non-retryably, like a platform that refuses (a broken undo). */
  public synchronized FakePlatform failAlways(String op) {
    permanentFailures.add(op);
    return this;
  }

  // ---- what tests read ---------------------------------------------------------------------------

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls as strings, e.g. "shiftTraffic green 10", without the read-only describes. */
  public synchronized List<String> mutatingCalls() {
    return calls.stream().filter(c -> !c.op().equals("describeService")).map(Call::toString).toList();
  }

  public synchronized List<String> timeline() {
    return List.copyOf(timeline);
  }

  public synchronized SlotState slot(String colour) {
    return slots.get(colour);
  }

  public synchronized String liveColour() {
    return liveColour;
  }

  public synchronized String liveVersion() {
    return slots.get(liveColour).version();
  }

  public synchronized String versionOn(String colour) {
    SlotState s = colour == null ? null : slots.get(colour);
    return s == null ? null : s.version();
  }

  public synchronized int weight(String colour) {
    return slots.get(colour).weight();
  }

  // ---- PlatformActivities ------------------------------------------------------------------------

  /** Not recorded in {@link #calls()}: a read that moves nothing. */
  @Override
  public ReleaseCheck checkRelease(String platform, String service, String environment, String version) {
    boolean missing = unknownVersions.contains(version);
    return new ReleaseCheck(version, missing ? ReleaseCheck.Availability.MISSING : ReleaseCheck.Availability.AVAILABLE,
        missing ? "no such version" : "available");
  }

  @Override
  public synchronized ServiceState describeService(String platform, String service, String environment) {
    record("describeService", null, null);
    checkService(service);
    end("describeService", null, null);
    return state(service, environment);
  }

  @Override
  public void deployRelease(String platform, String service, String environment, String colour, String version) {
    record("deployRelease", colour, version);
    maybeHold("deployRelease");
    synchronized (this) {
      checkService(service);
      maybeFailOnce("deployRelease");
      if (unknownVersions.contains(version)) {
        throw ApplicationFailure.newNonRetryableFailure(
            "release " + version + " of " + service + " does not exist in the image registry", "UnknownRelease");
      }
      SlotState s = slot(colour);
      if (colour.equals(liveColour)) {
        throw ApplicationFailure.newNonRetryableFailure("refusing to deploy over the live colour " + colour, "Unsafe");
      }
      if (!version.equals(s.version())) {
        slots.put(colour, new SlotState(colour, version, SlotRole.CANARY, s.weight()));
      }
      end("deployRelease", colour, version);
    }
  }

  @Override
  public SmokeResult smokeTest(String platform, String service, String environment, String colour) {
    record("smokeTest", colour, null);
    maybeHold("smokeTest");
    synchronized (this) {
      checkService(service);
      String version = slot(colour).version();
      end("smokeTest", colour, null);
      if (version == null) {
        return new SmokeResult(false, 1, 1, colour + " runs nothing");
      }
      if (failingSmoke.contains(version)) {
        return new SmokeResult(false, 5, 2, "GET /health on " + colour + " returned 500; POST /lessons/progress returned 502");
      }
      return new SmokeResult(true, 5, 0, "all checks passed");
    }
  }

  @Override
  public void shiftTraffic(String platform, String service, String environment, String colour, int weight) {
    record("shiftTraffic", colour, Integer.toString(weight));
    maybeHold("shiftTraffic");
    synchronized (this) {
      checkService(service);
      maybeFailOnce("shiftTraffic");
      if (weight < 0 || weight > 100) {
        throw ApplicationFailure.newNonRetryableFailure("weight " + weight + " is not 0-100", "BadWeight");
      }
      SlotState target = slot(colour);
      String otherColour = other(colour);
      SlotState other = slot(otherColour);
      if (weight > 0 && target.version() == null) {
        throw ApplicationFailure.newNonRetryableFailure("refusing to send traffic to empty colour " + colour, "Unsafe");
      }
      if (weight < 100 && other.version() == null) {
        throw ApplicationFailure.newNonRetryableFailure("refusing to send traffic to empty colour " + otherColour, "Unsafe");
      }
      slots.put(colour, new SlotState(colour, target.version(), roleAfterShift(colour, target, weight), weight));
      slots.put(otherColour, new SlotState(otherColour, other.version(), roleAfterShift(otherColour, other, 100 - weight), 100 - weight));
      end("shiftTraffic", colour, Integer.toString(weight));
    }
  }

  @Override
  public void markLive(String platform, String service, String environment, String colour) {
    record("markLive", colour, null);
    maybeHold("markLive");
    synchronized (this) {
      checkService(service);
      SlotState s = slot(colour);
      if (s.weight() != 100) {
        throw ApplicationFailure.newNonRetryableFailure(
            "refusing to make " + colour + " live with " + s.weight() + "% of traffic", "Unsafe");
      }
      String otherColour = other(colour);
      SlotState other = slot(otherColour);
      liveColour = colour;
      slots.put(colour, new SlotState(colour, s.version(), SlotRole.LIVE, 100));
      slots.put(otherColour, new SlotState(otherColour, other.version(),
          other.version() == null ? other.role() : SlotRole.STANDBY, 0));
      end("markLive", colour, null);
    }
  }

  @Override
  public void retireSlot(String platform, String service, String environment, String colour) {
    record("retireSlot", colour, null);
    maybeHold("retireSlot");
    synchronized (this) {
      checkService(service);
      maybeFailOnce("retireSlot");
      SlotState s = slot(colour);
      if (colour.equals(liveColour) || s.weight() > 0) {
        throw ApplicationFailure.newNonRetryableFailure(
            "refusing to retire " + colour + ": it carries " + s.weight() + "% of traffic"
                + (colour.equals(liveColour) ? " and is live" : ""), "Unsafe");
      }
      slots.put(colour, new SlotState(colour, null, SlotRole.RETIRED, 0));
      end("retireSlot", colour, null);
    }
  }

  // ---- internals --------------------------------------------------------------------------------

  private SlotRole roleAfterShift(String colour, SlotState s, int weight) {
    if (colour.equals(liveColour)) {
      return SlotRole.LIVE;
    }
    if (s.version() == null) {
      return s.role();
    }
    return weight > 0 ? SlotRole.CANARY : (s.role() == SlotRole.CANARY ? SlotRole.CANARY : SlotRole.STANDBY);
  }

  private ServiceState state(String service, String environment) {
    List<SlotState> copy = new ArrayList<>(slots.values());
    return new ServiceState(service, environment, liveColour, copy);
  }

  private static String other(String colour) {
    return colour.equals("blue") ? "green" : "blue";
  }

  private static void checkService(String service) {
    if (!SERVICE.equals(service)) {
      throw ApplicationFailure.newNonRetryableFailure("unknown service '" + service + "'", "UnknownService");
    }
  }

  private synchronized void record(String op, String colour, String arg) {
    Call call = new Call(op, colour, arg);
    calls.add(call);
    timeline.add("begin " + call);
  }

  private synchronized void end(String op, String colour, String arg) {
    timeline.add("end " + new Call(op, colour, arg));
  }

  private void maybeHold(String op) {
    Hold hold = holds.remove(op);
    if (hold != null) {
      hold.block();
    }
  }

  private void maybeFailOnce(String op) {
    if (permanentFailures.contains(op)) {
      timeline.add("refused " + op);
      throw ApplicationFailure.newNonRetryableFailure("platform refused " + op, "Refused");
    }
    if (transientFailures.remove(op)) {
      timeline.add("failed " + op);
      throw ApplicationFailure.newFailure("platform API returned 503 for " + op, "Unavailable");
    }
  }
}
