package dev.runbook.lessons.render;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.LiveReference;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Renders a lesson as plain text, the way a learner reads it: title, sections in order, the live
 * example with its market data, and the quiz with numbered options (answers are not shown). Used
 * for seed 000's "test rendering" step and {@code runbook lessons render FILE}. Lines end in
 * {@code \n}; the text is ASCII apart from what the lesson itself contains.
 */
public final class LessonRenderer {
  private LessonRenderer() {}

  /** Renders with every live value shown as its placeholder, {@code [AAPL.bid]}. */
  public static String render(Lesson lesson) {
    return render(lesson, ref -> Optional.of("[" + ref + "]"));
  }

  /**
   * Renders with live values from {@code marketData}.
   *
   * @throws MissingMarketDataException naming every reference {@code marketData} has no value for
   */
  public static String render(Lesson lesson, Function<LiveReference, Optional<String>> marketData) {
    List<LiveReference> missing = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    heading(out, lesson.title(), '=');
    out.append("Version ").append(lesson.version()).append(" - ").append(lesson.category()).append('\n');
    for (Section section : lesson.sections()) {
      out.append('\n');
      heading(out, section.heading(), '-');
      out.append(fill(section.content().strip(), marketData, missing)).append('\n');
    }
    out.append('\n');
    heading(out, "Quiz", '-');
    List<QuizQuestion> quiz = lesson.quiz();
    for (int i = 0; i < quiz.size(); i++) {
      QuizQuestion q = quiz.get(i);
      if (i > 0) {
        out.append('\n');
      }
      out.append(i + 1).append(". ").append(q.question()).append(" (").append(q.xp()).append(" XP)\n");
      for (int o = 0; o < q.options().size(); o++) {
        out.append("   ").append(o + 1).append(") ").append(q.options().get(o)).append('\n');
      }
    }
    out.append('\n').append("Up to ").append(lesson.totalXp()).append(" XP\n");
    if (!missing.isEmpty()) {
      throw new MissingMarketDataException(lesson, missing);
    }
    return out.toString();
  }

  private static void heading(StringBuilder out, String text, char underline) {
    out.append(text).append('\n').append(String.valueOf(underline).repeat(text.length())).append('\n');
  }

  private static String fill(String text, Function<LiveReference, Optional<String>> marketData,
      List<LiveReference> missing) {
    Matcher m = LiveReference.PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Optional<LiveReference> ref = LiveReference.parse(m.group(1));
      String value = ref.flatMap(marketData).orElse(null);
      if (value == null) {
        ref.filter(r -> !missing.contains(r)).ifPresent(missing::add);
        value = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
