package dev.runbook.lessons.model;

import java.util.List;

/**
 * One section of a lesson.
 *
 * @param id unique within the lesson; what user progress records in {@code sections_completed}.
 *     Defaults to the type's name, so a lesson with one section per type needs no ids.
 * @param title heading shown to the learner; {@code null} means the type's default heading
 * @param content the text, where {@code {{SYMBOL.field}}} marks a live value
 * @param data the market-data references of a live example; empty for other types
 */
public record Section(String id, SectionType type, String title, String content, List<LiveReference> data) {
  public Section {
    data = List.copyOf(data);
  }

  public String heading() {
    return title != null ? title : type.defaultHeading();
  }
}
