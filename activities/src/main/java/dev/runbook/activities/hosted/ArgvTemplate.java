package dev.runbook.activities.hosted;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An argv template of a platform CLI ({@code [flyctl, deploy, --app, {app}, --image, {image}]}),
 * rendered element by element and run without a shell, so a value stays one argument whatever it
 * holds. Values are checked too, because a program parses its own argv: a value starting with
 * {@code -} would be read as an option ({@code --config=/tmp/evil.toml}), and a newline or control
 * character has no business in a release name, image or id. Such a value is refused, not escaped.
 */
public record ArgvTemplate(List<String> elements) {
  /** Every placeholder a hosted-platform template may use. */
  public static final List<String> NAMES = List.of("service", "environment", "version", "image", "app", "releaseId");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(" + String.join("|", NAMES) + ")\\}");
  /** Image references, release ids, versions, names: letters, digits and . _ : / @ + = - only. */
  private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:/@+=-]{1,255}");

  public ArgvTemplate {
    if (elements == null || elements.isEmpty() || elements.get(0) == null || elements.get(0).isBlank()) {
      throw new IllegalArgumentException("an argv template needs a program, e.g. [flyctl, releases, --json]");
    }
    if (elements.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("argv template " + elements + " has an empty element");
    }
    if (PLACEHOLDER.matcher(elements.get(0)).find()) {
      throw new IllegalArgumentException("argv template " + elements + ": the program may not come from a placeholder");
    }
    elements = List.copyOf(elements);
  }

  public static ArgvTemplate of(String... elements) {
    return new ArgvTemplate(List.of(elements));
  }

  /** The placeholders this template uses. */
  public Set<String> placeholders() {
    Set<String> used = new LinkedHashSet<>();
    for (String e : elements) {
      Matcher m = PLACEHOLDER.matcher(e);
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    return used;
  }

  /**
   * The argv with every placeholder filled in, single pass (a value holding {@code {image}} is not
   * expanded again).
   *
   * @throws IllegalArgumentException naming the placeholder when a value is missing or unsafe
   */
  public List<String> render(Map<String, String> values) {
    List<String> argv = new ArrayList<>(elements.size());
    for (String element : elements) {
      argv.add(renderElement(element, values));
    }
    return argv;
  }

  /** One element (or a URL, an image reference) with its placeholders filled in from checked values. */
  public static String renderElement(String element, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(element);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("placeholder {" + name + "} has no value here");
      }
      checkValue(name, value);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Refuses a value no platform name, image or id has: empty, option-like, control characters, shell syntax. */
  public static void checkValue(String name, String value) {
    if (value.startsWith("-")) {
      throw new IllegalArgumentException("{" + name + "} value '" + printable(value) + "' starts with '-' and would be read as an option");
    }
    if (!SAFE_VALUE.matcher(value).matches()) {
      throw new IllegalArgumentException("{" + name + "} value '" + printable(value) + "' has characters outside"
          + " letters, digits and . _ : / @ + = - (or is empty or over 255 characters)");
    }
  }

  private static String printable(String value) {
    StringBuilder b = new StringBuilder();
    value.codePoints().limit(80).forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
    return b.toString();
  }
}
