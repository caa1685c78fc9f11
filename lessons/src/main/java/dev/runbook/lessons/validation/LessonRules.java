package dev.runbook.lessons.validation;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.model.ChangelogEntry;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.model.Section;
import dev.runbook.lessons.yaml.SourceLines;
import dev.runbook.lessons.yaml.YamlIssue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks that span several parts of a lesson (the per-field checks happen while reading): the
 * changelog against the version, the changelog's order and dates, unique section and quiz ids.
 */
final class LessonRules {
  private final SourceLines lines;
  private final List<YamlIssue> issues = new ArrayList<>();

  private LessonRules(SourceLines lines) {
    this.lines = lines;
  }

  static List<YamlIssue> check(Lesson lesson, SourceLines lines) {
    LessonRules rules = new LessonRules(lines);
    rules.changelog(lesson);
    rules.unique(lesson.sections(), Section::id, "sections", "id", "section id");
    rules.unique(lesson.quiz(), QuizQuestion::id, "quiz", "id", "quiz id");
    return rules.issues;
  }

  private void changelog(Lesson lesson) {
    List<ChangelogEntry> log = lesson.changelog();
    Map<SemanticVersion, Integer> firstIndex = new HashMap<>();
    List<Integer> dated = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      SemanticVersion v = log.get(i).version();
      if (v == null) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(v, i);
      if (first != null) {
        add("changelog[" + i + "].version", "changelog lists version " + v + " twice (first at line "
            + lines.of("changelog[" + first + "].version") + ")");
        continue;
      }
      if (lesson.version() != null && v.compareTo(lesson.version()) > 0) {
        add("changelog[" + i + "].version", "changelog entry " + v + " is newer than the lesson's version "
            + lesson.version());
      }
      int previous = previousVersionIndex(log, i);
      if (previous >= 0 && log.get(previous).version().compareTo(v) < 0) {
        add("changelog[" + i + "].version", "changelog must list the newest version first: "
            + log.get(previous).version() + " is listed before " + v);
      }
      if (log.get(i).date() != null) {
        dated.add(i);
      }
    }
    if (lesson.version() != null && !firstIndex.containsKey(lesson.version()) && !log.isEmpty()) {
      add("changelog", "changelog has no entry for version " + lesson.version() + ", the lesson's version");
    }
    dated.sort(Comparator.comparing(i -> log.get(i).version()));
    for (int k = 1; k < dated.size(); k++) {
      ChangelogEntry older = log.get(dated.get(k - 1));
      ChangelogEntry newer = log.get(dated.get(k));
      if (newer.date().isBefore(older.date())) {
        add("changelog[" + dated.get(k) + "].date", "changelog entry " + newer.version() + " is dated "
            + newer.date() + ", earlier than the previous entry " + older.version() + " (" + older.date() + ")");
      }
    }
  }

  private static int previousVersionIndex(List<ChangelogEntry> log, int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (log.get(j).version() != null) {
        return j;
      }
    }
    return -1;
  }

  private <T> void unique(List<T> items, Function<T, String> id, String list, String key, String what) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String value = id.apply(items.get(i));
      if (value == null) {
        continue;
      }
      Integer seen = first.putIfAbsent(value, i);
      if (seen != null) {
        add(list + "[" + i + "]." + key, "duplicate " + what + " '" + value + "' (first at line "
            + lines.of(list + "[" + seen + "]." + key) + ")");
      }
    }
  }

  private void add(String path, String message) {
    issues.add(new YamlIssue(lines.of(path), message));
  }
}
