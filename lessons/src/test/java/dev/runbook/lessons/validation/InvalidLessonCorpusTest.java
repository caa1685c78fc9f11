package dev.runbook.lessons.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under src/test/resources/invalid is rejected with exactly the expected problems. */
class InvalidLessonCorpusTest {
  private static final Path DIR = Path.of("src/test/resources/invalid");
  private static final String FIELDS = "price, bid, ask, bid_size, ask_size, spread, volume, open, high, low,"
      + " previous_close, change_percent";

  static Stream<Arguments> corpus() {
    return Stream.of(
        one("bad_syntax.yaml", 11, "YAML syntax error at column 7: expected <block end>, but found"
            + " '<block mapping start>' (while parsing a block mapping at line 10)"),
        one("tab_indentation.yaml", 19, "YAML syntax error at column 1: found character '\\t(TAB)' that cannot"
            + " start any token. (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
        one("missing_id.yaml", 1, "id is required"),
        one("bad_version.yaml", 2,
            "version '1.x' is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.1"),
        one("changelog_missing_version.yaml", 5, "changelog has no entry for version 1.2.0, the lesson's version"),
        one("changelog_date_backwards.yaml", 7,
            "changelog entry 1.1.0 is dated 2024-11-10, earlier than the previous entry 1.0.0 (2024-11-15)"),
        one("changelog_bad_date.yaml", 11,
            "changelog entry '1.0.0': date '15/11/2024' is not a date: expected yyyy-MM-dd such as 2024-11-24"),
        one("duplicate_quiz_id.yaml", 30, "duplicate quiz id 'q1' (first at line 25)"),
        one("correct_answer_not_an_option.yaml", 33, "quiz question 'q2': correct_answer 'A market maker' is not"
            + " one of the options (A buyer | A seller)"),
        one("malformed_live_reference.yaml", 23, "section 'live_example': live reference: field 'offer' is not a"
            + " market field (expected one of " + FIELDS + ")"),
        one("malformed_live_symbol.yaml", 22, "section 'live_example': live reference: symbol 'apple' is not a"
            + " ticker: expected 1-5 capital letters with an optional class suffix, such as AAPL or BRK.B"),
        one("undeclared_placeholder.yaml", 20,
            "section 'live_example': placeholder {{AAPL.price}} is not declared under data"),
        one("non_positive_xp.yaml", 34, "quiz question 'q2': xp must be positive, got 0"),
        Arguments.of("many_problems.yaml", List.of(
            "2: id 'Many Problems' must be 1-64 lowercase letters, digits, '_' or '-', starting with a letter or"
                + " digit",
            "2: title is required",
            "5: unknown field 'difficulty' (expected one of id, version, title, category, changelog, sections,"
                + " quiz)",
            "6: changelog has no entry for version 2.0.0, the lesson's version",
            "11: changelog must list the newest version first: 1.0.0 is listed before 1.1.0",
            "12: changelog entry 1.1.0 is dated 2024-11-01, earlier than the previous entry 1.0.0 (2024-11-15)",
            "13: changelog entry '1.1.0': changes must not be empty",
            "16: section 'introduction': placeholder {{AAPL.bid}} is only allowed in a live_example section",
            "20: section 'live_example': placeholder {{aapl.ask}} is not a live reference: expected"
                + " {{SYMBOL.field}} such as {{AAPL.bid}} with a field among " + FIELDS,
            "23: section 'quiz_time': type 'quiz_time' is not a section type (expected one of introduction,"
                + " live_example, explanation, key_takeaways, summary)",
            "29: quiz question 'q1': correct_answer 'C' is not one of the options (A | B)",
            "30: quiz question 'q1': xp must be positive, got -5",
            "31: duplicate quiz id 'q1' (first at line 26)",
            "33: quiz question 'q1': options must offer at least two choices",
            "35: quiz question 'q1': xp must be a positive whole number, not 'ten'")));
  }

  private static Arguments one(String file, int line, String message) {
    return Arguments.of(file, List.of(line + ": " + message));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejectsWithExactFileLineMessages(String file, List<String> expected) {
    Path path = DIR.resolve(file);
    ValidationReport report = LessonValidator.validate(path);

    assertThat(report.isValid()).isFalse();
    assertThat(report.lesson()).isEmpty();
    assertThat(report.problems()).extracting(Problem::toString)
        .containsExactlyElementsOf(expected.stream().map(e -> path + ":" + e).toList());
    assertThatThrownBy(report::requireValid).isInstanceOf(InvalidLessonException.class)
        .hasMessageContaining(path + ":" + expected.get(0));
  }

  @Test
  void everyFileOfTheCorpusHasAnExpectation() throws IOException {
    Set<String> covered = corpus().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(covered);
    }
  }

  @Test
  void eachSingleProblemFileDiffersFromTheValidBaseLessonInOneLine() throws IOException {
    List<String> base = Files.readAllLines(Path.of("src/test/resources/valid/reading_a_quote.yaml"));
    assertThat(LessonValidator.validate(Path.of("src/test/resources/valid/reading_a_quote.yaml")).isValid()).isTrue();
    corpus().map(a -> (String) a.get()[0])
        .filter(f -> !f.equals("many_problems.yaml") && !f.equals("missing_id.yaml"))
        .forEach(f -> {
          List<String> lines = read(DIR.resolve(f));
          assertThat(lines).as(f).hasSameSizeAs(base);
          long differing = java.util.stream.IntStream.range(0, base.size())
              .filter(i -> !base.get(i).equals(lines.get(i))).count();
          assertThat(differing).as(f).isEqualTo(1);
        });
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
