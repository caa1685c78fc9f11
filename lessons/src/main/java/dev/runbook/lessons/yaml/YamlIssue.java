package dev.runbook.lessons.yaml;

/** A problem found while reading a lesson file, at a 1-based line. */
public record YamlIssue(int line, String message) {}
