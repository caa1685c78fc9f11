package dev.runbook.starter.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.starter.CliException;
import dev.runbook.starter.stack.RunbookHome;
import dev.runbook.workflows.api.LessonUpdateRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonSourceTest {
  private static final Path CONTENT = RunbookHome.find().orElseThrow().resolve("lessons/content");

  @TempDir Path dir;

  @Test
  void theLessonIdAndVersionComeFromTheFile() throws IOException {
    Path file = CONTENT.resolve("02_bid_ask_spread.yaml");
    RunSpec spec = LessonSource.read(file).runSpec("staging", "alice", null);
    assertThat(spec.workflowId()).isEqualTo("lesson:stock_basics_002:staging");
    assertThat(spec.version()).isEqualTo("1.1.0");
    LessonUpdateRequest request = (LessonUpdateRequest) spec.workflowInput();
    assertThat(request.lessonFile()).isEqualTo("02_bid_ask_spread.yaml");
    assertThat(request.lessonYaml()).isEqualTo(Files.readString(file));
    assertThat(request.requestId()).isEqualTo(spec.requestId()).startsWith("req-");
  }

  @Test
  void anInvalidLessonIsBadInputListingEveryProblem() throws IOException {
    Path file = dir.resolve("03_market_makers.yaml");
    Files.writeString(file, Files.readString(CONTENT.resolve("03_market_makers.yaml"))
        .replace("id: stock_basics_003\n", "")
        .replace("xp: 10", "xp: 0"));
    assertThatThrownBy(() -> LessonSource.read(file).runSpec("local", "ci", null))
        .isInstanceOfSatisfying(CliException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(64);
          assertThat(e.getMessage().lines().toList()).hasSizeGreaterThanOrEqualTo(4)
              .allSatisfy(line -> assertThat(line).startsWith(file + ":"));
          assertThat(e.getMessage()).contains("id");
        });
  }

  @Test
  void unreadableFilesAreBadInputAtLineOne() {
    assertThatThrownBy(() -> LessonSource.read(dir.resolve("gone.yaml")))
        .isInstanceOf(CliException.class).hasMessage(dir.resolve("gone.yaml") + ":1: no such file");
    assertThatThrownBy(() -> LessonSource.read(dir))
        .isInstanceOf(CliException.class).hasMessageStartingWith(dir + ":1: cannot read the file");
  }
}
