package dev.runbook.workflows.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of a {@link ReleaseRequest} the CLI and the workflow share (pure code). */
public final class ReleaseValidation {
  /** A release publishes at most this many lesson files: each is a child run per environment. */
  public static final int MAX_LESSONS = 20;
  private static final Pattern SCHEMA_VERSION = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,3}");

  private ReleaseValidation() {}

  public static List<String> problems(ReleaseRequest r) {
    if (r == null) {
      return List.of("input is missing: expected {\"service\":...,\"version\":...,\"through\":\"staging\"}");
    }
    // the service and version rules of a code deploy; the environment is each of the release's
    List<String> problems = new ArrayList<>(RequestValidation.codeDeploy(
        new CodeDeployRequest(r.service(), "dev", r.version(), r.requestedBy(), r.requestId())));
    if (!ReleaseRequest.ENVIRONMENTS.contains(r.lastEnvironment())) {
      problems.add("through '" + r.through() + "' is not an environment of a release: "
          + String.join(", ", ReleaseRequest.ENVIRONMENTS));
    }
    lessons(r.lessons(), problems);
    if (r.migration() != null) {
      if (!SCHEMA_VERSION.matcher(r.migration()).matches()) {
        problems.add("migration '" + r.migration() + "' is not a schema release such as 1.1");
      }
    }
    if (r.reason() != null && r.reason().length() > 500) {
      problems.add("reason is longer than 500 characters");
    }
    return problems;
  }

  private static void lessons(List<ReleaseRequest.ReleaseLesson> lessons, List<String> problems) {
    if (lessons == null) {
      return;
    }
    if (lessons.size() > MAX_LESSONS) {
      problems.add("lessons names " + lessons.size() + " files; a release publishes at most " + MAX_LESSONS);
      return;
    }
    long total = lessons.stream().filter(l -> l != null && l.lessonYaml() != null)
        .mapToLong(l -> l.lessonYaml().length()).sum();
    if (total > RequestValidation.MAX_LESSON_CHARS) {
      // every environment's child carries its lesson again: keep the whole far below Temporal's 2 MB
      problems.add("lessons have " + total + " characters in all; a release carries at most "
          + RequestValidation.MAX_LESSON_CHARS);
    }
    Set<String> seen = new HashSet<>();
    for (ReleaseRequest.ReleaseLesson lesson : lessons) {
      if (lesson == null) {
        problems.add("lessons has an empty entry");
        continue;
      }
      RequestValidation.lessonUpdate(new LessonUpdateRequest(lesson.lessonId(), lesson.lessonFile(),
          lesson.lessonYaml(), "dev", null, null)).forEach(p -> problems.add("lesson " + lesson.lessonFile() + ": " + p));
      if (lesson.lessonId() != null && !seen.add(lesson.lessonId())) {
        problems.add("lesson " + lesson.lessonId() + " is named twice");
      }
    }
  }
}
