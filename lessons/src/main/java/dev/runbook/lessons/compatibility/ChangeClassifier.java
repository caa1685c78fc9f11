package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.model.Lesson;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies a candidate lesson against the published one: patch, minor or major by the version
 * bump (seed 000: patch for typos and small fixes, minor for new content, major for a rewrite or a
 * breaking change), refusing the same or a lower version, and refusing a bump too small for what the
 * content change does to learners (see {@link LessonDiff#minimumKind()}).
 */
public final class ChangeClassifier {
  private ChangeClassifier() {}

  /** By version alone; {@code published} is null when the lesson was never published. */
  public static ChangeClassification classify(SemanticVersion published, SemanticVersion candidate) {
    Objects.requireNonNull(candidate, "candidate");
    if (published == null) {
      return new ChangeClassification.FirstRelease(candidate);
    }
    Optional<ChangeKind> kind = published.changeTo(candidate);
    if (kind.isPresent()) {
      return new ChangeClassification.Bump(published, candidate, kind.get());
    }
    if (candidate.equals(published)) {
      return new ChangeClassification.Refused("version " + candidate + " is already published: bump the patch ("
          + next(published, ChangeKind.PATCH) + ") for fixes, the minor (" + next(published, ChangeKind.MINOR)
          + ") for new content or the major (" + next(published, ChangeKind.MAJOR) + ") for a rewrite");
    }
    return new ChangeClassification.Refused("version " + candidate + " is lower than the published " + published
        + ": versions only move forward; to undo a release, roll it back");
  }

  /** By version and content; {@code published} is null when the lesson was never published. */
  public static ChangeClassification classify(Lesson published, Lesson candidate) {
    if (published == null) {
      return classify((SemanticVersion) null, candidate.version());
    }
    if (!published.id().equals(candidate.id())) {
      return new ChangeClassification.Refused("lesson id '" + candidate.id() + "' does not match the published lesson '"
          + published.id() + "'");
    }
    ChangeClassification byVersion = classify(published.version(), candidate.version());
    if (!(byVersion instanceof ChangeClassification.Bump bump)) {
      return byVersion;
    }
    LessonDiff diff = LessonDiff.between(published, candidate);
    if (bump.kind().compareTo(diff.minimumKind()) < 0) {
      return new ChangeClassification.Refused("version " + candidate.version() + " is a "
          + bump.kind().name().toLowerCase() + " change, but " + diff.minimumKindReason() + ", which needs a "
          + diff.minimumKind().name().toLowerCase() + " version (" + next(published.version(), diff.minimumKind())
          + ")");
    }
    return bump;
  }

  /** The smallest version of {@code kind} after {@code v}: 1.2.3 → 1.2.4, 1.3.0, 2.0.0. */
  public static SemanticVersion next(SemanticVersion v, ChangeKind kind) {
    return switch (kind) {
      case PATCH -> new SemanticVersion(v.major(), v.minor(), v.patch() + 1);
      case MINOR -> new SemanticVersion(v.major(), v.minor() + 1, 0);
      case MAJOR -> new SemanticVersion(v.major() + 1, 0, 0);
    };
  }
}
