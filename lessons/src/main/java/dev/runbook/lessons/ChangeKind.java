package dev.runbook.lessons;

/** Seed 000's version-bump rules: patch (typos), minor (new content), major (rewrite, breaking). */
public enum ChangeKind {
  PATCH,
  MINOR,
  MAJOR
}
