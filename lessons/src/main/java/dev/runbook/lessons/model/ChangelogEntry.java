package dev.runbook.lessons.model;

import dev.runbook.lessons.SemanticVersion;
import java.time.LocalDate;
import java.util.List;

/** One changelog entry: the version, the day it was written (ISO yyyy-MM-dd) and what changed. */
public record ChangelogEntry(SemanticVersion version, LocalDate date, List<String> changes) {
  public ChangelogEntry {
    changes = List.copyOf(changes);
  }
}
