package dev.runbook.sandbox.lessons;

import java.util.List;

/** The lesson store as of one read: every published lesson, in lesson id order. */
public record LessonCatalog(List<PublishedLesson> lessons, long readAtMillis) {

  public static final LessonCatalog EMPTY = new LessonCatalog(List.of(), 0);

  public LessonCatalog {
    lessons = List.copyOf(lessons);
  }

  /** Lessons learners can be served now (see {@link PublishedLesson#servable()}). */
  public List<PublishedLesson> servable() {
    return lessons.stream().filter(PublishedLesson::servable).toList();
  }
}
