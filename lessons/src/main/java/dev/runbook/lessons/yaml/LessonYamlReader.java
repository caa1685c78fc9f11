package dev.runbook.lessons.yaml;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.model.ChangelogEntry;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.LiveReference;
import dev.runbook.lessons.model.MarketField;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.model.Section;
import dev.runbook.lessons.model.SectionType;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads lesson YAML into {@link Lesson} records. snakeyaml only composes the node tree (safe
 * loading, no object construction), which keeps the line of every node; the mapping into records
 * is ours and reports every structural problem instead of stopping at the first.
 */
public final class LessonYamlReader {
  /** Ids of lessons, sections and quiz questions, and categories. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  static final List<String> LESSON_FIELDS =
      List.of("id", "version", "title", "category", "changelog", "sections", "quiz");
  static final List<String> CHANGELOG_FIELDS = List.of("version", "date", "changes");
  static final List<String> SECTION_FIELDS = List.of("id", "type", "title", "content", "data");
  static final List<String> REFERENCE_FIELDS = List.of("symbol", "field");
  static final List<String> QUESTION_FIELDS = List.of("id", "question", "options", "correct_answer", "xp");

  private LessonYamlReader() {}

  public static ParsedLesson read(String yamlText) {
    Issues issues = new Issues();
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yamlText));
    } catch (MarkedYAMLException e) {
      issues.add(YamlSyntaxErrors.lineOf(e.getProblemMark()), YamlSyntaxErrors.message(e));
      return new ParsedLesson(null, issues.lines(), issues.list());
    } catch (YAMLException e) {
      issues.add(1, "not readable as YAML: " + e.getMessage());
      return new ParsedLesson(null, issues.lines(), issues.list());
    }
    if (root == null) {
      issues.add(1, "the file is empty: a lesson needs " + String.join(", ", LESSON_FIELDS));
      return new ParsedLesson(null, issues.lines(), issues.list());
    }
    if (!(root instanceof MappingNode mapping)) {
      issues.add(root, "a lesson must be a mapping of fields (" + String.join(", ", LESSON_FIELDS)
          + "), not " + Nodes.describe(root));
      return new ParsedLesson(null, issues.lines(), issues.list());
    }
    issues.lines().put("", Nodes.line(root));
    return new ParsedLesson(new LessonYamlReader.Mapper(issues).lesson(mapping), issues.lines(), issues.list());
  }

  private static final class Mapper {
    private final Issues issues;

    Mapper(Issues issues) {
      this.issues = issues;
    }

    Lesson lesson(MappingNode root) {
      Fields f = new Fields(root, "", "", LESSON_FIELDS, issues);
      String id = slug(f, "id", "");
      SemanticVersion version = version(f, "version", "");
      String title = f.requiredText("title");
      String category = slug(f, "category", "");
      List<ChangelogEntry> changelog = items(f, "changelog", this::changelogEntry);
      List<Section> sections = items(f, "sections", this::section);
      List<QuizQuestion> quiz = items(f, "quiz", this::question);
      return new Lesson(id, version, title, category, changelog, sections, quiz);
    }

    private <T> List<T> items(Fields f, String key, BiFunction<MappingNode, String, T> read) {
      List<T> out = new ArrayList<>();
      List<Node> nodes = f.requiredList(key);
      for (int i = 0; i < nodes.size(); i++) {
        Node item = nodes.get(i);
        if (item instanceof MappingNode m) {
          String path = key + "[" + out.size() + "]";
          issues.lines().put(path, Nodes.line(m));
          out.add(read.apply(m, path));
        } else {
          issues.add(item, key + " item " + (i + 1) + " must be a mapping, not " + Nodes.describe(item));
        }
      }
      return out;
    }

    private ChangelogEntry changelogEntry(MappingNode node, String path) {
      String label = label(node, "changelog entry", "version");
      Fields f = new Fields(node, path, label, CHANGELOG_FIELDS, issues);
      SemanticVersion version = version(f, "version", label);
      LocalDate date = null;
      String rawDate = f.requiredText("date");
      if (rawDate != null) {
        try {
          date = LocalDate.parse(rawDate, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
          issues.add(f.line("date"), label + "date '" + rawDate + "' is not a date: expected yyyy-MM-dd such as 2024-11-24");
        }
      }
      return new ChangelogEntry(version, date, f.requiredTextList("changes"));
    }

    private Section section(MappingNode node, String path) {
      String label = label(node, "section", "id", "type");
      Fields f = new Fields(node, path, label, SECTION_FIELDS, issues);
      String rawType = f.requiredText("type");
      SectionType type = null;
      if (rawType != null) {
        type = SectionType.fromYaml(rawType).orElse(null);
        if (type == null) {
          issues.add(f.line("type"), label + "type '" + rawType + "' is not a section type (expected one of "
              + SectionType.yamlNames() + ")");
        }
      }
      String id = f.value("id").isPresent() ? slug(f, "id", label) : rawType;
      String title = f.optionalText("title");
      String content = f.requiredText("content");
      List<LiveReference> data = new ArrayList<>();
      List<Node> refs = f.optionalList("data");
      boolean allRead = true;
      for (int i = 0; i < refs.size(); i++) {
        Optional<LiveReference> ref = reference(refs.get(i), f.child("data") + "[" + i + "]", label);
        ref.ifPresent(data::add);
        allRead &= ref.isPresent();
      }
      if (type == SectionType.LIVE_EXAMPLE && refs.isEmpty()) {
        issues.add(f.line("data"), label + "a live example needs data: at least one reference such as"
            + " {symbol: AAPL, field: bid}");
      } else if (type != null && !type.takesLiveData() && !refs.isEmpty()) {
        issues.add(f.line("data"), label + "only live_example sections take data");
      }
      if (content != null && type != null) {
        List<LiveReference> shown = placeholders(f.value("content").orElseThrow(), type, data, allRead, label);
        for (int i = 0; allRead && type.takesLiveData() && i < data.size(); i++) {
          if (!shown.contains(data.get(i))) {
            issues.add(refs.get(i), label + "live reference " + data.get(i) + " is declared but the content never"
                + " shows it: write " + data.get(i).placeholder() + " where the value belongs");
          }
        }
      }
      return new Section(id, type, title, content, data);
    }

    /**
     * Every {{...}} in the text must be SYMBOL.field, in a live example, declared under its data.
     * Returns the references shown.
     */
    private List<LiveReference> placeholders(Node contentNode, SectionType type, List<LiveReference> data, boolean allDataRead,
        String label) {
      ScalarNode scalar = (ScalarNode) contentNode;
      String text = scalar.getValue();
      boolean literal = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL;
      Matcher m = LiveReference.PLACEHOLDER.matcher(text);
      List<LiveReference> shown = new ArrayList<>();
      while (m.find()) {
        int line = Nodes.line(scalar) + (literal ? 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() : 0);
        Optional<LiveReference> ref = LiveReference.parse(m.group(1));
        if (!type.takesLiveData()) {
          issues.add(line, label + "placeholder " + m.group() + " is only allowed in a live_example section");
        } else if (ref.isEmpty()) {
          issues.add(line, label + "placeholder " + m.group() + " is not a live reference: expected {{SYMBOL.field}}"
              + " such as {{AAPL.bid}} with a field among " + MarketField.yamlNames());
        } else if (allDataRead && !data.contains(ref.get())) {
          issues.add(line, label + "placeholder " + m.group() + " is not declared under data");
        }
        ref.ifPresent(shown::add);
      }
      return shown;
    }

    private Optional<LiveReference> reference(Node node, String path, String sectionLabel) {
      if (!(node instanceof MappingNode m)) {
        issues.add(node, sectionLabel + "a live reference must be a mapping such as {symbol: AAPL, field: bid}, not "
            + Nodes.describe(node));
        return Optional.empty();
      }
      String label = sectionLabel + "live reference: ";
      Fields f = new Fields(m, path, label, REFERENCE_FIELDS, issues);
      String symbol = f.requiredText("symbol");
      String fieldName = f.requiredText("field");
      boolean ok = symbol != null && fieldName != null;
      if (symbol != null && !LiveReference.isSymbol(symbol)) {
        issues.add(f.line("symbol"), label + LiveReference.symbolProblem(symbol));
        ok = false;
      }
      Optional<MarketField> field = fieldName == null ? Optional.empty() : MarketField.fromYaml(fieldName);
      if (fieldName != null && field.isEmpty()) {
        issues.add(f.line("field"), label + "field '" + fieldName + "' is not a market field (expected one of "
            + MarketField.yamlNames() + ")");
        ok = false;
      }
      return ok ? Optional.of(new LiveReference(symbol, field.get())) : Optional.empty();
    }

    private QuizQuestion question(MappingNode node, String path) {
      String label = label(node, "quiz question", "id");
      Fields f = new Fields(node, path, label, QUESTION_FIELDS, issues);
      String id = slug(f, "id", label);
      String question = f.requiredText("question");
      List<String> options = f.requiredTextList("options");
      String correct = f.requiredText("correct_answer");
      Integer xp = f.requiredPositiveInt("xp");
      List<String> seen = new ArrayList<>();
      for (String option : options) {
        if (seen.contains(option)) {
          issues.add(f.line("options"), label + "option '" + option + "' is listed twice");
        }
        seen.add(option);
      }
      if (f.value("options").isPresent() && seen.size() == 1) {
        issues.add(f.line("options"), label + "options must offer at least two choices");
      }
      if (correct != null && !options.isEmpty() && !options.contains(correct)) {
        issues.add(f.line("correct_answer"), label + "correct_answer '" + correct
            + "' is not one of the options (" + String.join(" | ", options) + ")");
      }
      return new QuizQuestion(id, question, options, correct, xp == null ? 0 : xp);
    }

    private String slug(Fields f, String key, String label) {
      String value = f.requiredText(key);
      if (value != null && !ID.matcher(value).matches()) {
        issues.add(f.line(key), label + key + " '" + value
            + "' must be 1-64 lowercase letters, digits, '_' or '-', starting with a letter or digit");
      }
      return value;
    }

    private SemanticVersion version(Fields f, String key, String label) {
      String raw = f.requiredText(key);
      if (raw == null) {
        return null;
      }
      Optional<SemanticVersion> v = SemanticVersion.tryParse(raw);
      if (v.isEmpty()) {
        issues.add(f.line(key), label + key + " '" + raw
            + "' is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.1");
      }
      return v.orElse(null);
    }

    /** "quiz question 'q1': " when the item names itself with a scalar {@code key}, else "quiz question: ". */
    private static String label(MappingNode node, String kind, String... keys) {
      for (String key : keys) {
        for (var t : node.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
              && t.getValueNode() instanceof ScalarNode v && !Nodes.isNull(v) && !v.getValue().isBlank()) {
            return kind + " '" + v.getValue().strip() + "': ";
          }
        }
      }
      return kind + ": ";
    }
  }
}
