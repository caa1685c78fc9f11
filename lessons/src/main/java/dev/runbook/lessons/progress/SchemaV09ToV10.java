package dev.runbook.lessons.progress;

import java.util.Map;

/**
 * Schema 0.9 → 1.0 (seed 001's {@code _migrate_0_9_to_1_0}): lessons in progress record the
 * lesson version the learner started; documents from 0.9 did not, and those lessons were started
 * on version 1.0. Beyond the seed, a completion without a version gets 1.0 too, so that every
 * migrated document reads as a 1.0 document.
 */
public final class SchemaV09ToV10 implements ProgressMigrationStep {
  /** The lesson version 0.9 documents implicitly refer to. */
  public static final String ASSUMED_LESSON_VERSION = "1.0";

  @Override
  public String from() {
    return "0.9";
  }

  @Override
  public String to() {
    return "1.0";
  }

  @Override
  public String description() {
    return "record lesson version " + ASSUMED_LESSON_VERSION + " on lessons in progress and completions that have none";
  }

  @Override
  public Map<String, Object> apply(Map<String, Object> document) {
    addMissingVersions(document, "lessons");
    addMissingVersions(document, "lesson_completions");
    document.put("schema_version", to());
    return document;
  }

  @SuppressWarnings("unchecked")
  private static void addMissingVersions(Map<String, Object> document, String key) {
    Object entries = document.get(key);
    if (entries instanceof Map<?, ?> byId) {
      byId.forEach((id, entry) -> {
        if (!(entry instanceof Map<?, ?>)) {
          throw new ProgressMigrationException(key + "." + id + " must be a mapping, not " + entry);
        }
        ((Map<String, Object>) entry).putIfAbsent("version", ASSUMED_LESSON_VERSION);
      });
    } else if (entries != null) {
      throw new ProgressMigrationException(key + " must be a mapping of lesson id to progress, not " + entries);
    }
  }
}
