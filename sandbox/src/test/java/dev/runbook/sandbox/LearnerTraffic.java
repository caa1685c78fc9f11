package dev.runbook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The learner endpoints of one sandbox, and what progress documents say, for the lesson tests. */
final class LearnerTraffic {

  private final SandboxFixture sandbox;

  LearnerTraffic(SandboxFixture sandbox) {
    this.sandbox = sandbox;
  }

  JsonNode status() {
    return sandbox.get("/api/learners").json();
  }

  /** Waits until {@code more} sessions ran after this call (fails the test after 30 s). */
  void awaitMoreSessions(long more) throws InterruptedException {
    long target = status().get("sessions").asLong() + more;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (status().get("sessions").asLong() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + target + " learner sessions after 30 s: " + status());
      }
      Thread.sleep(50);
    }
  }

  JsonNode pause() {
    return sandbox.post("/api/learners/pause", null).json();
  }

  JsonNode resume() {
    return sandbox.post("/api/learners/resume", null).json();
  }

  JsonNode stats(String lessonId, String version, int lookback) {
    return sandbox.get("/api/lessons/" + lessonId + "/versions/" + version + "/stats?lookback=" + lookback).json();
  }

  /** One sample of {@code /metrics}, e.g. {@code sandbox_lesson_opens_total{lesson="x",version="1.0.0"}}. */
  Optional<Double> metric(String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(sandbox.get("/metrics").body());
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }

  /** The version of {@code lessonId} a document records: in progress, else completed; empty if neither. */
  @SuppressWarnings("unchecked")
  static Optional<String> versionOf(Map<String, Object> doc, String lessonId) {
    Map<String, Object> lessons = (Map<String, Object>) doc.getOrDefault("lessons", Map.of());
    Map<String, Object> done = (Map<String, Object>) doc.getOrDefault("lesson_completions", Map.of());
    Object entry = lessons.containsKey(lessonId) ? lessons.get(lessonId) : done.get(lessonId);
    return Optional.ofNullable(entry).map(e -> (String) ((Map<String, Object>) e).get("version"));
  }

  @SuppressWarnings("unchecked")
  static Optional<String> inProgressVersion(Map<String, Object> doc, String lessonId) {
    Map<String, Object> lessons = (Map<String, Object>) doc.getOrDefault("lessons", Map.of());
    return Optional.ofNullable((Map<String, Object>) lessons.get(lessonId)).map(e -> (String) e.get("version"));
  }
}
