package dev.runbook.activities.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {service}}-style placeholders into an argv template, element by element. Each
 * element stays exactly one argument whatever the value holds (spaces, {@code ;}, quotes), because
 * no shell ever sees it; substitution is single-pass, so a value containing {@code {version}} is
 * not expanded again. Text that merely looks like braces (JSON patches, go-templates) is left
 * alone: only the names in {@link #ALL} are placeholders.
 */
final class Placeholders {
  static final List<String> ALL =
      List.of("service", "environment", "colour", "version", "weight", "otherColour", "otherWeight");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(" + String.join("|", ALL) + ")\\}");

  private Placeholders() {}

  /** The placeholders an argv template uses, in order of first use. */
  static Set<String> used(List<String> template) {
    Set<String> names = new LinkedHashSet<>();
    for (String element : template) {
      Matcher m = PLACEHOLDER.matcher(element);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  static List<String> render(List<String> template, Map<String, String> values) {
    List<String> argv = new ArrayList<>(template.size());
    for (String element : template) {
      Matcher m = PLACEHOLDER.matcher(element);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = values.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException("placeholder {" + m.group(1) + "} has no value here");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      argv.add(out.toString());
    }
    return argv;
  }
}
