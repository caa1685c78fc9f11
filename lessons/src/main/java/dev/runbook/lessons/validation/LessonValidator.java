package dev.runbook.lessons.validation;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.yaml.LessonYamlReader;
import dev.runbook.lessons.yaml.ParsedLesson;
import dev.runbook.lessons.yaml.SourceLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates lesson files and reports every problem as {@code file:line: message}; the entry point
 * of {@code runbook lessons validate [FILE...]} and of the lesson-update workflow's validation.
 * Reads only the files and directories it is given.
 */
public final class LessonValidator {
  /** Folder under the content root holding archived major versions: {@code archive/<major>/}. */
  public static final String ARCHIVE = "archive";

  private LessonValidator() {}

  /** Validates YAML text; {@code file} is only the name used in the problems. */
  public static ValidationReport validate(String file, String yamlText) {
    ParsedLesson parsed = LessonYamlReader.read(yamlText);
    List<Problem> problems = new ArrayList<>();
    parsed.issues().forEach(i -> problems.add(new Problem(file, i.line(), i.message())));
    if (parsed.lesson() != null) {
      LessonRules.check(parsed.lesson(), parsed.lines())
          .forEach(i -> problems.add(new Problem(file, i.line(), i.message())));
    }
    return new ValidationReport(file, parsed.lesson(), problems, parsed.lines());
  }

  /** Reads and validates one file (UTF-8); a file that cannot be read is a problem at line 1. */
  public static ValidationReport validate(Path file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      return unreadable(file, "not UTF-8 text");
    } catch (IOException e) {
      return unreadable(file, "cannot read the file: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    return validate(file.toString(), text);
  }

  /** Validates each file on its own (no cross-file checks: the files may be different versions). */
  public static ContentReport validateFiles(Collection<Path> files) {
    return new ContentReport(files.stream().map(LessonValidator::validate).toList(), List.of());
  }

  /**
   * Validates a content directory: every {@code *.yaml} in it (the current lessons) and in
   * {@code archive/<major>/} (archived major versions), then checks across files that current
   * lesson ids are unique and that each archived lesson sits in the folder of its major version,
   * behind a current lesson with the same id and a higher major version.
   */
  public static ContentReport validateContent(Path contentRoot) {
    List<Problem> cross = new ArrayList<>();
    if (!Files.isDirectory(contentRoot)) {
      cross.add(new Problem(contentRoot.toString(), 1, "not a directory of lesson files"));
      return new ContentReport(List.of(), cross);
    }
    List<ValidationReport> current = lessonFiles(contentRoot).stream().map(LessonValidator::validate).toList();
    Map<String, ValidationReport> byId = new HashMap<>();
    for (ValidationReport r : current) {
      r.lesson().ifPresent(l -> {
        ValidationReport first = byId.putIfAbsent(l.id(), r);
        if (first != null) {
          cross.add(new Problem(r.file(), r.lines().of("id"), "lesson id '" + l.id() + "' is also used by "
              + first.file()));
        }
      });
    }
    List<ValidationReport> all = new ArrayList<>(current);
    Path archive = contentRoot.resolve(ARCHIVE);
    if (Files.isDirectory(archive)) {
      for (Path dir : list(archive)) {
        String name = dir.getFileName().toString();
        if (!Files.isDirectory(dir) || !name.matches("0|[1-9]\\d{0,8}")) {
          cross.add(new Problem(dir.toString(), 1, "the archive holds one folder per major version, such as "
              + ARCHIVE + "/1; '" + name + "' is not one"));
          continue;
        }
        for (ValidationReport r : lessonFiles(dir).stream().map(LessonValidator::validate).toList()) {
          all.add(r);
          r.lesson().ifPresent(l -> checkArchived(r, l, Integer.parseInt(name), byId, cross));
        }
      }
    }
    return new ContentReport(all, cross);
  }

  private static void checkArchived(ValidationReport r, Lesson archived, int major,
      Map<String, ValidationReport> current, List<Problem> cross) {
    SourceLines lines = r.lines();
    if (archived.version().major() != major) {
      cross.add(new Problem(r.file(), lines.of("version"), "version " + archived.version() + " is archived under "
          + ARCHIVE + "/" + major + " but its major version is " + archived.version().major()));
    }
    ValidationReport live = current.get(archived.id());
    if (live == null) {
      cross.add(new Problem(r.file(), lines.of("id"), "archived lesson '" + archived.id()
          + "' has no current lesson with the same id"));
    } else if (live.lesson().orElseThrow().version().major() <= archived.version().major()) {
      cross.add(new Problem(r.file(), lines.of("version"), "archived version " + archived.version()
          + " is not of an earlier major version than the current " + live.lesson().orElseThrow().version()
          + " in " + live.file()));
    }
  }

  private static ValidationReport unreadable(Path file, String message) {
    return new ValidationReport(file.toString(), null, List.of(new Problem(file.toString(), 1, message)),
        new SourceLines());
  }

  /** The {@code .yaml}/{@code .yml} files directly in {@code dir}, by name. */
  public static List<Path> lessonFiles(Path dir) {
    return list(dir).stream().filter(Files::isRegularFile)
        .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).toList();
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
