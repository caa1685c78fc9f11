package dev.runbook.lessons.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.LiveReference;
import dev.runbook.lessons.model.MarketField;
import dev.runbook.lessons.model.SectionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonValidatorTest {
  private static final Path BASE = Path.of("src/test/resources/valid/reading_a_quote.yaml");

  @Test
  void mapsAValidFileIntoRecords() {
    Lesson lesson = LessonValidator.validate(BASE).requireValid();

    assertThat(lesson.id()).isEqualTo("reading_a_quote");
    assertThat(lesson.version()).isEqualTo(SemanticVersion.parse("1.1.0"));
    assertThat(lesson.category()).isEqualTo("fundamentals");
    assertThat(lesson.changelog()).hasSize(2);
    assertThat(lesson.currentChangelog().orElseThrow().date()).isEqualTo(LocalDate.of(2024, 11, 20));
    assertThat(lesson.sections()).extracting(s -> s.id() + ":" + s.type())
        .containsExactly("introduction:INTRODUCTION", "live_example:LIVE_EXAMPLE");
    assertThat(lesson.liveReferences()).containsExactly(
        new LiveReference("AAPL", MarketField.BID), new LiveReference("AAPL", MarketField.ASK));
    assertThat(lesson.quiz()).extracting(q -> q.id() + "=" + q.correctAnswer() + "/" + q.xp())
        .containsExactly("q1=A buyer/10", "q2=A seller/5");
    assertThat(lesson.totalXp()).isEqualTo(15);
  }

  @Test
  void acceptsUnquotedVersionsAndDatesAsWritten() {
    String yaml = text().replace("version: \"1.1.0\"\ntitle", "version: 1.1\ntitle")
        .replace("date: \"2024-11-20\"", "date: 2024-11-20");
    ValidationReport report = LessonValidator.validate("inline.yaml", yaml);
    assertThat(report.problems()).isEmpty();
    assertThat(report.lesson().orElseThrow().version()).isEqualTo(SemanticVersion.parse("1.1.0"));
  }

  @Test
  void reportsEmptyAndNonMappingFiles() {
    assertThat(LessonValidator.validate("empty.yaml", "# nothing\n").format())
        .isEqualTo("empty.yaml:1: the file is empty: a lesson needs id, version, title, category, changelog,"
            + " sections, quiz");
    assertThat(LessonValidator.validate("list.yaml", "\n- a\n- b\n").format())
        .isEqualTo("list.yaml:2: a lesson must be a mapping of fields (id, version, title, category, changelog,"
            + " sections, quiz), not a list");
    assertThat(LessonValidator.validate("two.yaml", "id: a\n---\nid: b\n").format())
        .startsWith("two.yaml:2: YAML syntax error at column 1:");
  }

  @Test
  void reportsDuplicateKeysWithBothLines() {
    String yaml = text().replace("category: fundamentals\n", "category: fundamentals\ntitle: \"Again\"\n");
    assertThat(LessonValidator.validate("dup.yaml", yaml).format())
        .isEqualTo("dup.yaml:5: duplicate field 'title' (first at line 3)");
  }

  @Test
  void sectionRulesAboutLiveData() {
    String noData = text().replace("    data:\n      - {symbol: AAPL, field: bid}\n      - {symbol: AAPL, field: ask}\n",
        "").replace("{{AAPL.bid}}", "soon").replace("{{AAPL.ask}}", "later");
    assertThat(LessonValidator.validate("x.yaml", noData).format()).isEqualTo("x.yaml:17: section 'live_example':"
        + " a live example needs data: at least one reference such as {symbol: AAPL, field: bid}");

    String unused = text().replace("and offered at {{AAPL.ask}}.", "and that is all.");
    assertThat(LessonValidator.validate("x.yaml", unused).format()).isEqualTo("x.yaml:23: section 'live_example':"
        + " live reference AAPL.ask is declared but the content never shows it: write {{AAPL.ask}} where the"
        + " value belongs");

    String dataOnIntro = text().replace("what sellers ask.\"\n",
        "what sellers ask.\"\n    data: [{symbol: MSFT, field: bid}]\n");
    assertThat(LessonValidator.validate("x.yaml", dataOnIntro).format())
        .isEqualTo("x.yaml:17: section 'introduction': only live_example sections take data");
  }

  @Test
  void duplicateSectionIdsAndExplicitIds() {
    String yaml = text().replace("  - type: live_example\n", "  - type: introduction\n    content: \"Again\"\n"
        + "  - type: live_example\n");
    assertThat(LessonValidator.validate("x.yaml", yaml).format())
        .isEqualTo("x.yaml:17: duplicate section id 'introduction' (first at line 15)");
    String withId = yaml.replace("  - type: introduction\n    content: \"Again\"\n",
        "  - type: introduction\n    id: second_intro\n    title: \"More\"\n    content: \"Again\"\n");
    Lesson lesson = LessonValidator.validate("x.yaml", withId).requireValid();
    assertThat(lesson.sections()).extracting(s -> s.id() + "/" + s.heading())
        .containsExactly("introduction/Introduction", "second_intro/More", "live_example/Live example");
    assertThat(lesson.sections().get(1).type()).isEqualTo(SectionType.INTRODUCTION);
  }

  @Test
  void changelogEntryNewerThanTheLessonVersion() {
    String yaml = text().replace("version: \"1.1.0\"\ntitle", "version: \"1.0.0\"\ntitle");
    assertThat(LessonValidator.validate("x.yaml", yaml).format())
        .isEqualTo("x.yaml:6: changelog entry 1.1.0 is newer than the lesson's version 1.0.0");
  }

  @Test
  void unreadableFilesAreProblemsToo(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.yaml");
    assertThat(LessonValidator.validate(missing).format()).startsWith(missing + ":1: cannot read the file:");
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "title: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(LessonValidator.validate(latin1).format()).isEqualTo(latin1 + ":1: not UTF-8 text");
  }

  @Test
  void validatesSeveralFilesIndependently() {
    ContentReport report = LessonValidator.validateFiles(List.of(BASE,
        Path.of("src/test/resources/invalid/bad_version.yaml")));
    assertThat(report.isValid()).isFalse();
    assertThat(report.lessons()).extracting(Lesson::id).containsExactly("reading_a_quote");
    assertThat(report.problems()).hasSize(1);
  }

  @Test
  void contentDirectoryCrossChecks(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("a.yaml"), text());
    Files.writeString(root.resolve("b.yaml"), text());
    Files.createDirectories(root.resolve("archive/2"));
    Files.writeString(root.resolve("archive/2/a.yaml"), text());
    Files.createDirectories(root.resolve("archive/old"));
    Files.writeString(root.resolve("notes.txt"), "not a lesson");

    ContentReport report = LessonValidator.validateContent(root);

    assertThat(report.problems()).extracting(Problem::toString).containsExactly(
        root.resolve("archive/2/a.yaml") + ":2: version 1.1.0 is archived under archive/2 but its major version is 1",
        root.resolve("archive/2/a.yaml") + ":2: archived version 1.1.0 is not of an earlier major version than the"
            + " current 1.1.0 in " + root.resolve("a.yaml"),
        root.resolve("archive/old") + ":1: the archive holds one folder per major version, such as archive/1; 'old'"
            + " is not one",
        root.resolve("b.yaml") + ":1: lesson id 'reading_a_quote' is also used by " + root.resolve("a.yaml"));
  }

  static String text() {
    try {
      return Files.readString(BASE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
