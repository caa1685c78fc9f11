package dev.runbook.lessons;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MAJOR.MINOR.PATCH, comparable. Unlike the seed's {@code _parse_version}, which silently maps
 * garbage to 0.0.0, {@link #parse} rejects anything that is not a version with a message a person
 * can act on. A missing patch ("2.0", as lesson files in the seeds write it) means 0.
 */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {
  private static final Pattern FORMAT = Pattern.compile("v?(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})(?:\\.(0|[1-9]\\d{0,8}))?");
  private static final Comparator<SemanticVersion> ORDER = Comparator.comparingInt(SemanticVersion::major)
      .thenComparingInt(SemanticVersion::minor).thenComparingInt(SemanticVersion::patch);

  public SemanticVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor + "." + patch);
    }
  }

  public static SemanticVersion parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
        "'" + text + "' is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.1"));
  }

  public static Optional<SemanticVersion> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
  }

  /** What kind of change going from this version to {@code next} is; empty when it is not forward. */
  public Optional<ChangeKind> changeTo(SemanticVersion next) {
    if (next.compareTo(this) <= 0) {
      return Optional.empty();
    }
    if (next.major != major) {
      return Optional.of(ChangeKind.MAJOR);
    }
    return Optional.of(next.minor != minor ? ChangeKind.MINOR : ChangeKind.PATCH);
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
