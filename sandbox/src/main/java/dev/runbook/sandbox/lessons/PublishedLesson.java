package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.SemanticVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson of {@code platform.lessons} with every stored version and its flags, as one session
 * sees them.
 *
 * @param versions every stored version, by normalised version ("2.0.0")
 * @param flags the lesson's flag rows, any state
 */
public record PublishedLesson(String lessonId, String currentVersion, Map<String, StoredVersion> versions,
    List<LessonFlag> flags) {

  public PublishedLesson {
    versions = Map.copyOf(versions);
    flags = List.copyOf(flags);
  }

  /** The stored version written as {@code version} in any form ("2.0" or "2.0.0"). */
  public Optional<StoredVersion> version(String version) {
    return SemanticVersion.tryParse(version).map(v -> versions.get(v.toString()));
  }

  public StoredVersion current() {
    return version(currentVersion).orElseThrow(() -> new IllegalStateException(
        lessonId + ": current version " + currentVersion + " is not stored"));
  }

  /**
   * Whether learners can be served at all. The store's foreign key guarantees the current version
   * exists; a withdrawn current version (a half-finished rollback) has nothing proper to serve, so
   * the lesson sits out until the store is consistent again rather than serving withdrawn content.
   */
  public boolean servable() {
    return version(currentVersion).map(v -> !v.withdrawn()).orElse(false);
  }

  /**
   * The flag that takes part in serving: its version is not the current one, is stored and not
   * withdrawn. With several such rows (the workflow keeps one per major) the highest version wins.
   */
  public Optional<LessonFlag> activeFlag() {
    SemanticVersion current = current().semantic();
    return flags.stream()
        // only a version newer than the current one: a flag left behind by an earlier rollout (its
        // removal failed) must not send learners back to an older version
        .filter(f -> version(f.version()).map(v -> !v.withdrawn() && v.semantic().compareTo(current) > 0).orElse(false))
        .max(Comparator.comparing((LessonFlag f) -> version(f.version()).orElseThrow().semantic())
            .thenComparing(LessonFlag::name));
  }
}
