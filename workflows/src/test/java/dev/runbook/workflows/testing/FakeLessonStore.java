package dev.runbook.workflows.testing;

import dev.runbook.workflows.lessonupdate.LearnerImpact;
import dev.runbook.workflows.lessonupdate.LessonCandidate;
import dev.runbook.workflows.lessonupdate.LessonChange;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import dev.runbook.workflows.lessonupdate.LessonStoreActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory lesson store with the contract's semantics (idempotent calls, a withdrawn version
 * never served, withdrawing a first release unpublishes it) that records every call. The candidate
 * {@link #check} returns, or the refusal it throws, is set by the test.
 */
public final class FakeLessonStore implements LessonStoreActivities {
  public static final String LESSON = "stock_basics_001";

  private LessonPolicy policy = LessonPolicies.production();
  private LessonCandidate candidate;
  private ApplicationFailure refusal;
  private String current;
  private final Map<String, String> stored = new HashMap<>();
  private final Set<String> archived = new LinkedHashSet<>();
  private final Set<String> withdrawn = new LinkedHashSet<>();
  private final Map<String, Integer> flags = new TreeMap<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Integer> flagHistory = new ArrayList<>();
  private Map<String, Integer> notices = Map.of("UPDATED_BADGE", 12);

  /** The store serves {@code version} of the lesson (null: never published). */
  public synchronized FakeLessonStore serving(String version) {
    current = version;
    if (version != null) {
      stored.put(version, "published-before");
    }
    return this;
  }

  public synchronized FakeLessonStore candidate(String version, LessonChange change) {
    this.candidate = new LessonCandidate(LESSON, "Understanding Stock Prices", version, current, change,
        "sha-" + version, List.of("changes of " + version), 42);
    return this;
  }

  /** {@link #check} answers that {@code version} is already current with the same content. */
  public synchronized FakeLessonStore alreadyCurrent(String version, LessonChange change) {
    serving(version);
    this.candidate = new LessonCandidate(LESSON, "Understanding Stock Prices", version, version, change,
        "sha-" + version, List.of("changes of " + version), 42);
    return this;
  }

  public synchronized FakeLessonStore refuse(String message, String type) {
    this.refusal = ApplicationFailure.newNonRetryableFailure(message, type);
    return this;
  }

  public synchronized FakeLessonStore use(LessonPolicy lessonPolicy) {
    this.policy = lessonPolicy;
    return this;
  }

  public synchronized FakeLessonStore notices(Map<String, Integer> counts) {
    this.notices = counts;
    return this;
  }

  @Override
  public synchronized LessonPolicy resolveLessonPolicy(String lessonId, String environment) {
    calls.add("resolveLessonPolicy");
    if (!policy.rollout().environment().equals(environment)) {
      throw ApplicationFailure.newNonRetryableFailure("unknown environment '" + environment + "'", "UnknownEnvironment");
    }
    return policy;
  }

  @Override
  public synchronized LessonCandidate check(String environment, String lessonId, String lessonFile, String lessonYaml) {
    calls.add("check");
    if (refusal != null) {
      throw refusal;
    }
    return candidate;
  }

  @Override
  public synchronized LearnerImpact countLearners(String environment, String lessonId, String newVersion) {
    calls.add("countLearners");
    return new LearnerImpact(lessonId, newVersion, Map.of("MAJOR_UPDATE", 7), Map.of("CHANGELOG_MESSAGE", 30), 120, 37);
  }

  @Override
  public synchronized void archive(String environment, String lessonId, String version, String workflowId) {
    calls.add("archive " + version);
    archived.add(version);
  }

  @Override
  public synchronized void store(String environment, LessonCandidate c, String lessonYaml, String workflowId) {
    calls.add("store " + c.version());
    stored.put(c.version(), lessonYaml);
  }

  @Override
  public synchronized String makeCurrent(String environment, String lessonId, String version, String workflowId) {
    calls.add("makeCurrent " + version);
    if (!stored.containsKey(version) || withdrawn.contains(version)) {
      throw ApplicationFailure.newNonRetryableFailure(version + " is not stored or withdrawn", "VersionRefused");
    }
    String before = current;
    current = version;
    return before;
  }

  @Override
  public synchronized void setFlag(String environment, String flag, String lessonId, String version, int percentage,
      String workflowId) {
    calls.add("setFlag " + percentage);
    flags.put(flag, percentage);
    flagHistory.add(percentage);
  }

  @Override
  public synchronized void removeFlag(String environment, String flag) {
    calls.add("removeFlag");
    flags.remove(flag);
  }

  @Override
  public synchronized int withdraw(String environment, String lessonId, String version, String reason, String workflowId) {
    calls.add("withdraw " + version);
    withdrawn.add(version);
    flags.clear();
    if (version.equals(current)) {
      current = null; // only a first release can be withdrawn while current: it is unpublished
    }
    return 3;
  }

  @Override
  public synchronized Map<String, Integer> notifyLearners(String environment, String lessonId, String newVersion,
      String workflowId) {
    calls.add("notifyLearners " + newVersion);
    return notices;
  }

  public synchronized String current() {
    return current;
  }

  public synchronized Map<String, Integer> flags() {
    return Map.copyOf(flags);
  }

  public synchronized List<Integer> flagHistory() {
    return List.copyOf(flagHistory);
  }

  public synchronized Set<String> withdrawn() {
    return Set.copyOf(withdrawn);
  }

  public synchronized Set<String> archived() {
    return Set.copyOf(archived);
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }
}
