package dev.runbook.activities.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.registry.RegistryActivitiesImpl;
import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.lessons.validation.Problem;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.lessonupdate.LessonUpdateWorkflow;
import dev.runbook.workflows.lessonupdate.LessonUpdateWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invalid-lesson corpus of the lessons module (one problem per file, plus one with many) sent
 * through the LessonUpdate workflow with the real lesson store: each run fails non-retryably with
 * every {@code file:line: message} of the validator, and nothing is stored, current or flagged.
 * (The lessons module pins the exact messages; here the point is that they reach the run intact.)
 */
class InvalidLessonWorkflowTest extends LessonStoreTestBase {
  private static final Path CORPUS = Path.of("..", "lessons", "src", "test", "resources", "invalid");
  private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*\"?([a-z0-9][a-z0-9_-]*)\"?\\s*$");

  private static TestWorkflowEnvironment env;

  static Stream<Path> corpus() throws Exception {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
      assertThat(all).as("the invalid corpus").hasSizeGreaterThanOrEqualTo(10);
      return all.stream();
    }
  }

  /** One test server for the whole corpus (each run has its own workflow id and run id). */
  @BeforeAll
  static void startTemporal() {
    env = TestWorkflowEnvironment.newInstance();
    SearchAttributeKeys.ALL.forEach(key -> env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(TaskQueues.RUNBOOK);
    worker.registerWorkflowImplementationTypes(LessonUpdateWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new LessonStoreActivitiesImpl(new LessonEnvironments(TestCatalog.catalog(), Map.of(ENV, db.dataSource()))),
        new RegistryActivitiesImpl(db.dataSource()));
    env.start();
  }

  @AfterAll
  static void stopTemporal() {
    env.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyProblemFailsTheRunNonRetryablyAndNothingIsPublished(Path file) throws Exception {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    Matcher id = ID_LINE.matcher(yaml);
    String lessonId = id.find() ? id.group(1) : ID;
    List<String> expected = LessonValidator.validate(name, yaml).problems().stream().map(Problem::toString).toList();
    assertThat(expected).as("the corpus file %s has problems", name).isNotEmpty();

    LessonUpdateWorkflow run = env.getWorkflowClient().newWorkflowStub(LessonUpdateWorkflow.class, WorkflowOptions.newBuilder()
        .setTaskQueue(TaskQueues.RUNBOOK).setWorkflowId(Procedure.LESSON_UPDATE.workflowId(lessonId, ENV)).build());

    assertThatThrownBy(() -> run.update(new LessonUpdateRequest(lessonId, name, yaml, ENV, "ci", null)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("InvalidLesson");
          assertThat(f.getOriginalMessage()).contains(expected);
          assertThat(f.getOriginalMessage().lines()).as("one line per problem").hasSameSizeAs(expected);
          assertThat(f.getOriginalMessage()).startsWith(name + ":");
        });
    assertThat(db.count("SELECT count(*) FROM platform.lesson_versions")).isZero();
    assertThat(db.count("SELECT count(*) FROM platform.lessons")).isZero();
    assertThat(db.count("SELECT count(*) FROM platform.feature_flags")).isZero();
    String runId = io.temporal.client.WorkflowStub.fromTyped(run).getExecution().getRunId();
    assertThat(db.rows("SELECT outcome FROM runbook.runs WHERE run_id = '" + runId + "'")).containsExactly("REFUSED");
  }
}
