package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.SemanticVersion;

/** What publishing a candidate version means: a first release, a patch/minor/major bump, or refused. */
public sealed interface ChangeClassification {

  /** The lesson has never been published. */
  record FirstRelease(SemanticVersion candidate) implements ChangeClassification {}

  /** A forward change of the given kind; seed 000's procedure 1 (patch/minor) or 2 (major) applies. */
  record Bump(SemanticVersion published, SemanticVersion candidate, ChangeKind kind) implements ChangeClassification {}

  /** Not publishable, with a reason a content author can act on. */
  record Refused(String reason) implements ChangeClassification {}

  default boolean isRefused() {
    return this instanceof Refused;
  }
}
