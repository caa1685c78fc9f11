package dev.runbook.lessons.render;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.LiveReference;
import java.util.List;

/** A lesson cannot be shown to learners because market data it references is missing. */
public class MissingMarketDataException extends RuntimeException {
  private final transient List<LiveReference> missing;

  public MissingMarketDataException(Lesson lesson, List<LiveReference> missing) {
    super("lesson " + lesson.id() + " " + lesson.version() + " references market data that is missing: "
        + missing.stream().map(LiveReference::toString).toList());
    this.missing = List.copyOf(missing);
  }

  public List<LiveReference> missing() {
    return missing;
  }
}
