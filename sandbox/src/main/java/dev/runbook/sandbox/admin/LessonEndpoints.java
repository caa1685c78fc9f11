package dev.runbook.sandbox.admin;

import static dev.runbook.sandbox.platform.PlatformException.badInput;
import static dev.runbook.sandbox.platform.PlatformException.notFound;

import dev.runbook.sandbox.lessons.LessonsApi;
import dev.runbook.sandbox.platform.Platform;

/**
 * The lesson and learner endpoints of the admin API. Registered whether or not the sandbox has a
 * lesson store, so a caller pointed at a sandbox without one gets a 404 that says why instead of
 * "no such endpoint".
 */
final class LessonEndpoints {

  private static final int DEFAULT_LOOKBACK_SECONDS = 60;

  private final LessonsApi lessons;

  /** @param lessons null when the sandbox runs without {@code --platform-db-url} */
  LessonEndpoints(LessonsApi lessons) {
    this.lessons = lessons;
  }

  void register(ApiRouter router) {
    router
        .on("GET", "/api/lessons", r -> Reply.json(api().lessons()))
        .on("GET", "/api/lessons/{lessonId}/versions/{version}/stats", r -> Reply.json(stats(r)))
        .on("GET", "/api/learners", r -> Reply.json(api().status()))
        .on("POST", "/api/learners/pause", r -> Reply.json(api().pause()))
        .on("POST", "/api/learners/resume", r -> Reply.json(api().resume()));
  }

  private Object stats(ApiRequest r) {
    LessonsApi api = api();
    int lookback = r.queryInt("lookback", DEFAULT_LOOKBACK_SECONDS,
        "an integer number of seconds from 1 to " + Platform.MAX_LOOKBACK_SECONDS);
    if (lookback < 1 || lookback > Platform.MAX_LOOKBACK_SECONDS) {
      throw badInput("lookback must be between 1 and " + Platform.MAX_LOOKBACK_SECONDS + " seconds, got " + lookback);
    }
    try {
      return api.stats(r.path("lessonId"), r.path("version"), lookback);
    } catch (IllegalArgumentException e) {
      throw badInput(e.getMessage());
    }
  }

  private LessonsApi api() {
    if (lessons == null) {
      throw notFound("lessons are off: this sandbox was started without --platform-db-url, so it serves no"
          + " lessons and has no learners");
    }
    return lessons;
  }
}
