package dev.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.TaskQueues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Temporal UI's path through the real embedded stack, with the official TypeScript client
 * (the UI's JSON payload converter, not the Java SDK's): every procedure started from README's
 * Start Workflow JSON under a random id as the UI's form gives, its status read by query, gates
 * passed and a run aborted with README's signal JSON, search attributes read with describe().
 *
 * <p>On the shared stack ({@link SharedStack}), whose local policy has windows cut to seconds (a
 * 2 s canary, a 1 s watch at 100%, retire after 1 s), so the four runs take about 20 s. README's
 * inputs target learning-api, lesson 03 and the progress table in local, which no other class
 * touches, and web on the platform stand-ins (EmbeddedStackTest's lock race takes web in local
 * too, and leaves it free: classes never run at once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path HOME = Path.of(System.getProperty("runbook.home", "..")).toAbsolutePath().normalize();

  private TsClient client;
  private StackDriver driver;

  @BeforeAll
  void startStack() throws Exception {
    client = TsClient.install();
    driver = SharedStack.driver();
  }

  @Test
  void everyRunbookStartsFromReadmesJsonAndIsApprovedAndAbortedWithItsSignalJson() throws Exception {
    ReadmeUiInputs readme = ReadmeUiInputs.read(HOME.resolve("README.md"));
    assertThat(readme.startInputs().keySet()).as("README documents a UI input for every procedure")
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Procedure.values()).map(Procedure::workflowType).toList());

    ObjectNode plan = JSON.createObjectNode();
    plan.put("address", driver.stack.temporalAddress());
    plan.put("namespace", driver.stack.namespace());
    plan.put("taskQueue", TaskQueues.RUNBOOK);
    ObjectNode runs = plan.putObject("runs");
    readme.startInputs().forEach((type, input) -> {
      ObjectNode run = runs.putObject(type);
      // the id README asks for, else a random one as the UI's form fills in
      run.put("workflowId", readme.workflowIds().getOrDefault(type, UUID.randomUUID().toString()));
      run.set("input", input.deepCopy());
    });
    assertThat(readme.workflowIds()).containsEntry("LessonUpdate", Procedure.LESSON_UPDATE.workflowId(
        JSON.treeToValue(readme.startInputs().get("LessonUpdate"), Procedure.LESSON_UPDATE.inputType())));
    ObjectNode lesson = (ObjectNode) runs.path("LessonUpdate").path("input");
    lesson.put("lessonYaml", Files.readString(HOME.resolve("lessons/content").resolve(lesson.path("lessonFile").asText())));
    ObjectNode signals = plan.putObject("signals");
    signals.set("promote", readme.promoteSignal());
    signals.set("abort", readme.abortSignal());
    signals.set("refusedPromote", JSON.createObjectNode().put("approver", "mallory"));

    JsonNode out = client.runScript("ui-path.mjs", plan, Duration.ofMinutes(3));

    String approver = readme.promoteSignal().path("approver").asText();
    JsonNode deploy = out.path("CodeDeploy");
    assertEnded(deploy, "SUCCEEDED", "code-deploy", "learning-api", "v1.5.1");
    assertThat(deploy.path("phases").toString()).contains("\"AWAITING_APPROVAL\"").endsWith("\"DONE\"]");
    assertThat(approvals(deploy)).contains("promote mallory refused", "promote " + approver + " accepted");
    assertThat(deploy.path("status").path("liveVersion").asText()).isEqualTo("v1.5.1");

    JsonNode emergency = out.path("EmergencyDeploy");
    assertEnded(emergency, "ABORTED", "emergency-deploy", "learning-api", "v1.5.2");
    assertThat(emergency.path("phases").toString()).contains("\"WATCHING\"");
    assertThat(approvals(emergency)).contains("abort " + approver + " accepted");
    assertThat(emergency.path("status").path("liveVersion").asText()).isEqualTo("v1.5.1");

    JsonNode rollback = out.path("Rollback");
    assertEnded(rollback, "SUCCEEDED", "rollback", "learning-api", "v1.5.0");
    assertThat(liveVersion(driver.service("learning-api"))).as("the sandbox serves").isEqualTo("v1.5.0");

    JsonNode published = out.path("LessonUpdate");
    assertEnded(published, "SUCCEEDED", "lesson-update", lesson.path("lessonId").asText(), null);

    JsonNode progress = out.path("ProgressMigration");
    assertEnded(progress, "SUCCEEDED", "progress-migration", "user_progress", "1.0");
    assertThat(progress.path("workflowId").asText()).isEqualTo("progress:user_progress:local");

    JsonNode multi = out.path("MultiPlatformDeploy");
    assertEnded(multi, "SUCCEEDED", "multi-platform", "web", "v2.1.0");
    assertThat(multi.path("result").path("reason").asText()).isEqualTo("v2.1.0 live on fly, railway, render");
  }

  /** The run ended with {@code outcome} in its result, its status query and its search attributes. */
  private static void assertEnded(JsonNode run, String outcome, String procedure, String target, String version) {
    String what = run.path("workflowType").asText() + " " + run.path("workflowId").asText() + ": " + run;
    assertThat(run.path("failure").isNull()).as(what).isTrue();
    assertThat(run.path("executionStatus").asText()).as(what).isEqualTo("COMPLETED");
    assertThat(run.path("taskQueue").asText()).isEqualTo(TaskQueues.RUNBOOK);
    assertThat(run.path("result").path("outcome").asText()).as(what).isEqualTo(outcome);
    assertThat(run.path("status").path("phase").asText()).as(what).isEqualTo("DONE");
    assertThat(run.path("status").path("outcome").asText()).as(what).isEqualTo(outcome);
    JsonNode attributes = run.path("searchAttributes");
    assertThat(attributes.path("RunbookOutcome").toString()).as(what).isEqualTo("[\"" + outcome + "\"]");
    assertThat(attributes.path("RunbookProcedure").toString()).as(what).isEqualTo("[\"" + procedure + "\"]");
    assertThat(attributes.path("RunbookService").toString()).as(what).isEqualTo("[\"" + target + "\"]");
    assertThat(attributes.path("RunbookEnvironment").toString()).as(what).isEqualTo("[\"local\"]");
    if (version != null) {
      assertThat(attributes.path("RunbookVersion").toString()).as(what).isEqualTo("[\"" + version + "\"]");
    }
  }

  private static String liveVersion(JsonNode service) {
    for (JsonNode slot : service.path("slots")) {
      if (slot.path("colour").asText().equals(service.path("liveColour").asText())) {
        return slot.path("version").asText();
      }
    }
    throw new AssertionError("no live slot in " + service);
  }

  /** "promote alice accepted", "promote mallory refused", ... from the run's status. */
  private static List<String> approvals(JsonNode run) {
    List<String> out = new ArrayList<>();
    run.path("status").path("approvals").forEach(a -> out.add(a.path("action").asText() + " "
        + a.path("approver").asText() + " " + (a.path("accepted").asBoolean() ? "accepted" : "refused")));
    return out;
  }
}
