package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.ValidationReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed lessons by lesson, version and checksum. Stored versions are immutable, so a version is
 * fetched and validated once; the checksum in the key means even a row rewritten in place (which
 * the store forbids) would be read again rather than served stale.
 */
public final class LessonContentCache {

  private record Key(String lessonId, String version, String checksum) {}

  private static final Logger log = LoggerFactory.getLogger(LessonContentCache.class);

  private final LessonStore store;
  private final Map<Key, LoadedLesson> loaded = new ConcurrentHashMap<>();

  public LessonContentCache(LessonStore store) {
    this.store = store;
  }

  public LoadedLesson get(Connection c, StoredVersion v) throws SQLException {
    Key key = new Key(v.lessonId(), v.version(), v.checksum());
    LoadedLesson hit = loaded.get(key);
    if (hit != null) {
      return hit;
    }
    Optional<String> yaml = store.content(c, v.lessonId(), v.version());
    if (yaml.isEmpty()) {
      return LoadedLesson.unusable("lesson " + v.lessonId() + " " + v.version() + " is not stored");  // not cached
    }
    LoadedLesson parsed = parse(v, yaml.get());
    if (parsed.problem() != null) {
      log.warn("lesson {} {} cannot be served to learners: {}", v.lessonId(), v.version(), parsed.problem());
    }
    loaded.put(key, parsed);
    return parsed;
  }

  static LoadedLesson parse(StoredVersion v, String yaml) {
    ValidationReport report = LessonValidator.validate(v.lessonId() + "@" + v.version(), yaml);
    if (!report.isValid()) {
      return LoadedLesson.unusable("stored content does not validate: " + report.format());
    }
    Lesson lesson = report.lesson().orElseThrow();
    if (!lesson.id().equals(v.lessonId()) || !lesson.version().equals(v.semantic())) {
      return LoadedLesson.unusable("stored content is lesson " + lesson.id() + " " + lesson.version()
          + ", not " + v.lessonId() + " " + v.version());
    }
    return new LoadedLesson(lesson, null);
  }
}
