package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.progress.ProgressDocuments;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.lessons.progress.UserProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Applies one session's change to a stored document without rewriting what the session did not
 * touch. Reading through {@link ProgressDocuments#read} keeps only the fields it knows; writing that
 * back whole would silently drop anything else a document carries (preferences, fields of a newer
 * platform release). So only the session's lesson entry, its completion and the gamification totals
 * are replaced, each merged over what was there.
 */
public final class ProgressPatch {

  private static final Set<String> LESSON_KEYS =
      Set.of("version", "status", "sections_completed", "current_section", "started_at", "last_accessed");
  private static final Set<String> COMPLETION_KEYS =
      Set.of("completed_at", "version", "xp_earned", "quiz_score", "quiz_total");
  private static final Set<String> GAMIFICATION_KEYS = Set.of("total_xp", "level", "badges", "streak_days");

  private ProgressPatch() {}

  /**
   * @param original the stored document migrated to the current schema (a fresh tree; it is changed
   *     and returned), or an empty map for a learner without one
   * @param updated the learner's progress after the session
   */
  public static Map<String, Object> apply(Map<String, Object> original, UserProgress updated, String lessonId) {
    Map<String, Object> written = ProgressDocuments.write(updated);
    Map<String, Object> doc = original;
    doc.put("user_id", updated.userId());
    doc.put("schema_version", ProgressMigrations.CURRENT_SCHEMA_VERSION);
    replaceEntry(doc, written, "lessons", lessonId, LESSON_KEYS);
    replaceEntry(doc, written, "lesson_completions", lessonId, COMPLETION_KEYS);
    doc.put("gamification", merged(doc.get("gamification"), written.get("gamification"), GAMIFICATION_KEYS));
    return doc;
  }

  private static void replaceEntry(Map<String, Object> doc, Map<String, Object> written, String key, String lessonId,
      Set<String> known) {
    Map<String, Object> entries = asMap(doc.get(key));
    Object entry = asMap(written.get(key)).get(lessonId);
    if (entry == null) {
      entries.remove(lessonId);
    } else {
      entries.put(lessonId, merged(entries.get(lessonId), entry, known));
    }
    doc.put(key, entries);
  }

  /**
   * {@code fresh} over {@code old}. Keys {@link ProgressDocuments} knows come from {@code fresh} only
   * (it leaves out null fields, and a cleared {@code current_section} must stay cleared); other keys
   * of {@code old} survive.
   */
  private static Map<String, Object> merged(Object old, Object fresh, Set<String> known) {
    Map<String, Object> out = asMap(old);
    out.keySet().removeAll(known);
    out.putAll(asMap(fresh));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
  }
}
