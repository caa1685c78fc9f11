package dev.runbook.starter;

/** Value of `-o/--output`. */
public enum OutputFormat {
  text,
  json
}
