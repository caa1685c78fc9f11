package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.starter.stack.RunbookHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `runbook lessons validate|render` on the repository's content and on lessons written here. */
class LessonsCommandTest {
  private static final Path CONTENT = RunbookHome.find().orElseThrow().resolve(LessonsCommand.CONTENT);

  private static final String VALID = """
      id: reading_a_quote
      version: "1.1.0"
      title: "Reading a Quote"
      category: fundamentals
      changelog:
        - version: "1.1.0"
          date: "2024-11-20"
          changes:
            - "Added a live example"
        - version: "1.0.0"
          date: "2024-11-15"
          changes:
            - "Initial release"
      sections:
        - type: introduction
          content: "A quote shows what buyers offer and what sellers ask."
        - type: live_example
          content: |
            Right now Apple is bid at {{AAPL.bid}}
            and offered at {{AAPL.ask}}.
          data:
            - {symbol: AAPL, field: bid}
            - {symbol: AAPL, field: ask}
      quiz:
        - id: q1
          question: "Who posts the bid?"
          options: ["A buyer", "A seller"]
          correct_answer: "A buyer"
          xp: 10
        - id: q2
          question: "Who posts the ask?"
          options: ["A buyer", "A seller"]
          correct_answer: "A seller"
          xp: 5
      """;

  /** Line 33: an answer that is not among the options. */
  private static final String INVALID = VALID.replace("correct_answer: \"A seller\"", "correct_answer: \"A market maker\"");

  private static final String INVALID_PROBLEM =
      ":33: quiz question 'q2': correct_answer 'A market maker' is not one of the options (A buyer | A seller)";

  @Test
  void theWholeContentTreeIsValid() throws IOException {
    Cli.Result r = Cli.run("lessons", "validate", "--no-color");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    long files = yamlFiles(CONTENT);
    assertThat(files).isGreaterThanOrEqualTo(3);
    assertThat(r.out()).isEqualTo(files + " lessons checked, 0 problems\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void anInvalidLessonIsListedAsFileLineMessageAndExits64(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), INVALID);
    Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
    Cli.Result r = Cli.run("lessons", "validate", bad.toString(), good.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEqualTo(bad + INVALID_PROBLEM + "\n2 lessons checked, 1 problem\n");
  }

  @Test
  void aDirectoryIsCheckedAsAContentTree(@TempDir Path dir) throws IOException {
    Path first = Files.writeString(dir.resolve("01_quote.yaml"), VALID);
    Path second = Files.writeString(dir.resolve("02_quote_again.yaml"), VALID);
    Cli.Result r = Cli.run("lessons", "validate", dir.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEqualTo(second + ":1: lesson id 'reading_a_quote' is also used by " + first
        + "\n2 lessons checked, 1 problem\n");
  }

  @Test
  void aMissingFileIsAProblemToo() {
    Cli.Result r = Cli.run("lessons", "validate", "no-such-lesson.yaml");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).startsWith("no-such-lesson.yaml:1: cannot read the file").endsWith("1 lesson checked, 1 problem\n");
  }

  @Test
  void jsonListsEveryProblem(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), INVALID);
    Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
    Cli.Result r = Cli.run("lessons", "validate", good.toString(), bad.toString(), "-o", "json");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out().lines()).hasSize(1);
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("checked").asInt()).isEqualTo(2);
    assertThat(json.get("problems")).hasSize(1);
    JsonNode problem = json.get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo(bad.toString());
    assertThat(problem.get("line").asInt()).isEqualTo(33);
    assertThat(problem.get("message").asText())
        .isEqualTo("quiz question 'q2': correct_answer 'A market maker' is not one of the options (A buyer | A seller)");

    JsonNode valid = Json.MAPPER.readTree(Cli.run("lessons", "validate", "--output", "json").out());
    assertThat(valid.get("checked").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(valid.get("problems")).isEmpty();
  }

  @Test
  void renderShowsTheLessonWithNumberedQuizOptions() {
    Path file = CONTENT.resolve("02_bid_ask_spread.yaml");
    Lesson lesson = LessonValidator.validate(file).requireValid();
    Cli.Result r = Cli.run("lessons", "render", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith(lesson.title() + "\n" + "=".repeat(lesson.title().length()) + "\n");
    QuizQuestion first = lesson.quiz().get(0);
    assertThat(r.out()).contains("1. " + first.question() + " (" + first.xp() + " XP)\n");
    for (int i = 0; i < first.options().size(); i++) {
      assertThat(r.out()).contains("   " + (i + 1) + ") " + first.options().get(i) + "\n");
    }
    assertThat(r.out()).doesNotContain("correct_answer").doesNotContain("{{");
  }

  @Test
  void renderRefusesAnInvalidLesson(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), INVALID);
    Cli.Result r = Cli.run("lessons", "render", bad.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(bad + INVALID_PROBLEM + "\n");
  }

  @Test
  void renderAsJson(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("good.yaml"), VALID);
    Cli.Result r = Cli.run("lessons", "render", good.toString(), "-o", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = Json.MAPPER.readTree(r.out());
    assertThat(json.get("id").asText()).isEqualTo("reading_a_quote");
    assertThat(json.get("version").asText()).isEqualTo("1.1.0");
    assertThat(json.get("text").asText()).startsWith("Reading a Quote\n").contains("   2) A seller\n");
  }

  @Test
  void usageErrorsAreBadInput() {
    assertThat(Cli.run("lessons").code()).isEqualTo(ExitCodes.BAD_INPUT);
    Cli.Result r = Cli.run("lessons", "render");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void pathsAreShownRelativeToTheWorkingDirectoryWhenInsideIt() {
    Path cwd = Path.of("/work/repo");
    assertThat(LessonsCommand.shown(Path.of("/work/repo/lessons/content/a.yaml"), cwd))
        .isEqualTo(Path.of("lessons/content/a.yaml"));
    assertThat(LessonsCommand.shown(Path.of("./lessons/../lessons/a.yaml"), cwd)).isEqualTo(Path.of("lessons/a.yaml"));
    assertThat(LessonsCommand.shown(Path.of("/work/repo"), cwd)).isEqualTo(Path.of("."));
    assertThat(LessonsCommand.shown(Path.of("/tmp/a.yaml"), cwd)).isEqualTo(Path.of("/tmp/a.yaml"));
    assertThat(LessonsCommand.shown(Path.of("../other/a.yaml"), cwd)).isEqualTo(Path.of("/work/other/a.yaml"));
  }

  /** Current lessons ({@code content/*.yaml}) and archived ones ({@code content/archive/<major>/*.yaml}). */
  private static long yamlFiles(Path content) throws IOException {
    try (Stream<Path> files = Files.walk(content, 3)) {
      return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> p.getParent().equals(content) || p.getParent().getParent().endsWith(LessonValidator.ARCHIVE))
          .count();
    }
  }
}
