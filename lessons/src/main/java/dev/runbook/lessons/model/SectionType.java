package dev.runbook.lessons.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of section a lesson may have; {@link #yamlName()} is how a lesson file spells it. */
public enum SectionType {
  INTRODUCTION("introduction", "Introduction"),
  LIVE_EXAMPLE("live_example", "Live example"),
  EXPLANATION("explanation", "Explanation"),
  KEY_TAKEAWAYS("key_takeaways", "Key takeaways"),
  SUMMARY("summary", "Summary");

  private final String yamlName;
  private final String defaultHeading;

  SectionType(String yamlName, String defaultHeading) {
    this.yamlName = yamlName;
    this.defaultHeading = defaultHeading;
  }

  public String yamlName() {
    return yamlName;
  }

  public String defaultHeading() {
    return defaultHeading;
  }

  /** Only live examples carry market data. */
  public boolean takesLiveData() {
    return this == LIVE_EXAMPLE;
  }

  public static Optional<SectionType> fromYaml(String name) {
    return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
  }

  public static String yamlNames() {
    return Arrays.stream(values()).map(SectionType::yamlName).collect(Collectors.joining(", "));
  }
}
