package dev.runbook.lessons.progress;

import dev.runbook.lessons.SemanticVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps progress documents of the current schema (JSON-like trees, snake_case keys as in seed 001)
 * to {@link UserProgress} and back. Problems are reported with the path of the field.
 */
public final class ProgressDocuments {
  private ProgressDocuments() {}

  /** Reads a document of the current schema; migrate older ones first. */
  public static UserProgress read(Map<String, ?> doc) {
    Reader r = new Reader(text(doc, "user_id", "", true));
    String schema = r.text(doc, "schema_version", "", true);
    if (!ProgressMigrations.CURRENT_SCHEMA_VERSION.equals(schema)) {
      throw r.fail("schema_version", "is " + schema + "; migrate the document to "
          + ProgressMigrations.CURRENT_SCHEMA_VERSION + " first");
    }
    Map<String, LessonProgress> lessons = new LinkedHashMap<>();
    r.map(doc, "lessons", "", false).forEach((id, v) -> {
      String at = "lessons." + id + ".";
      Map<String, ?> m = r.asMap(v, "lessons." + id);
      lessons.put(id, new LessonProgress(r.version(m, at), r.text(m, "status", at, true),
          r.textList(m, "sections_completed", at), r.text(m, "current_section", at, false),
          r.instant(m, "started_at", at), r.instant(m, "last_accessed", at)));
    });
    Map<String, LessonCompletion> completions = new LinkedHashMap<>();
    r.map(doc, "lesson_completions", "", false).forEach((id, v) -> {
      String at = "lesson_completions." + id + ".";
      Map<String, ?> m = r.asMap(v, "lesson_completions." + id);
      completions.put(id, new LessonCompletion(r.instant(m, "completed_at", at), r.version(m, at),
          (int) r.number(m, "xp_earned", at, true), (int) r.number(m, "quiz_score", at, false),
          (int) r.number(m, "quiz_total", at, false)));
    });
    Map<String, ?> g = r.map(doc, "gamification", "", true);
    Gamification gamification = new Gamification(r.number(g, "total_xp", "gamification.", true),
        (int) r.number(g, "level", "gamification.", true), r.textList(g, "badges", "gamification."),
        (int) r.number(g, "streak_days", "gamification.", false));
    return new UserProgress(r.user, schema, lessons, completions, gamification);
  }

  /** The document of {@code p}, with seed 001's keys; null fields are left out. */
  public static Map<String, Object> write(UserProgress p) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("user_id", p.userId());
    doc.put("schema_version", p.schemaVersion());
    Map<String, Object> lessons = new LinkedHashMap<>();
    p.lessons().forEach((id, l) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", l.version());
      m.put("status", l.status());
      m.put("sections_completed", new ArrayList<>(l.sectionsCompleted()));
      putIfPresent(m, "current_section", l.currentSection());
      putIfPresent(m, "started_at", l.startedAt());
      putIfPresent(m, "last_accessed", l.lastAccessed());
      lessons.put(id, m);
    });
    doc.put("lessons", lessons);
    Map<String, Object> completions = new LinkedHashMap<>();
    p.completions().forEach((id, c) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      putIfPresent(m, "completed_at", c.completedAt());
      m.put("version", c.version());
      m.put("xp_earned", c.xpEarned());
      m.put("quiz_score", c.quizScore());
      m.put("quiz_total", c.quizTotal());
      completions.put(id, m);
    });
    doc.put("lesson_completions", completions);
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("total_xp", p.gamification().totalXp());
    g.put("level", p.gamification().level());
    g.put("badges", new ArrayList<>(p.gamification().badges()));
    g.put("streak_days", p.gamification().streakDays());
    doc.put("gamification", g);
    return doc;
  }

  private static void putIfPresent(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value instanceof Instant ? value.toString() : value);
    }
  }

  private static String text(Map<String, ?> m, String key, String at, boolean required) {
    return new Reader("?").text(m, key, at, required);
  }

  private record Reader(String user) {
    ProgressMigrationException fail(String path, String problem) {
      return new ProgressMigrationException("progress of user " + user + ": " + path + " " + problem);
    }

    String text(Map<String, ?> m, String key, String at, boolean required) {
      Object v = m.get(key);
      if (v == null) {
        if (required) {
          throw fail(at + key, "is required");
        }
        return null;
      }
      if (!(v instanceof String) && !(v instanceof Number)) {
        throw fail(at + key, "must be text, not " + v);
      }
      return String.valueOf(v);
    }

    /** A lesson version, as written ("1.2"), checked to be a semantic version. */
    String version(Map<String, ?> m, String at) {
      String v = text(m, "version", at, true);
      if (SemanticVersion.tryParse(v).isEmpty()) {
        throw fail(at + "version", "'" + v + "' is not a lesson version such as 1.2 or 1.2.0");
      }
      return v;
    }

    long number(Map<String, ?> m, String key, String at, boolean required) {
      Object v = m.get(key);
      if (v == null && !required) {
        return 0;
      }
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0) {
        throw fail(at + key, v == null ? "is required" : "must be a whole number of at least 0, not " + v);
      }
      return n.longValue();
    }

    Instant instant(Map<String, ?> m, String key, String at) {
      String t = text(m, key, at, false);
      try {
        return t == null ? null : Instant.parse(t);
      } catch (DateTimeParseException e) {
        throw fail(at + key, "must be an ISO-8601 instant such as 2024-11-24T10:00:00Z, not " + t);
      }
    }

    List<String> textList(Map<String, ?> m, String key, String at) {
      Object v = m.get(key);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> l)) {
        throw fail(at + key, "must be a list, not " + v);
      }
      return l.stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> map(Map<String, ?> m, String key, String at, boolean required) {
      Object v = m.get(key);
      if (v == null) {
        if (required) {
          throw fail(at + key, "is required");
        }
        return Map.of();
      }
      return asMap(v, at + key);
    }

    @SuppressWarnings("unchecked")
    Map<String, ?> asMap(Object v, String path) {
      if (!(v instanceof Map<?, ?>)) {
        throw fail(path, "must be a mapping, not " + v);
      }
      return (Map<String, ?>) v;
    }
  }
}
