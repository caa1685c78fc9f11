package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A link only where a UI is configured; otherwise commands that reach the same Temporal. */
class RunPointerTest {

  @Test
  void linksToTheConfiguredUi() {
    RunPointer pointer = new RunPointer("http://localhost:8080/", "127.0.0.1:7233", "default");
    assertThat(pointer.line("deploy:learning-api:production"))
        .isEqualTo("http://localhost:8080/namespaces/default/workflows/deploy%3Alearning-api%3Aproduction");
  }

  @Test
  void withoutAUiNamesTheCommandsThatShowTheRun() {
    RunPointer pointer = new RunPointer(null, "127.0.0.1:7233", "default");
    assertThat(pointer.uiLink("deploy:web:local")).isEmpty();
    assertThat(pointer.line("deploy:web:local")).isEqualTo(
        "follow it: runbook status deploy:web:local --watch  (or: temporal workflow show --workflow-id deploy:web:local)");
    assertThat(new RunPointer("  ", "127.0.0.1:7233", "default").uiLink("x")).as("blank is none").isEmpty();
  }

  @Test
  void carriesAnotherClustersAddressAndNamespaceAndQuotesWhatTheShellWouldSplit() {
    RunPointer pointer = new RunPointer(null, "temporal.example.com:7233", "deploys");
    assertThat(pointer.statusCommand("ui run 1"))
        .isEqualTo("runbook status 'ui run 1' --watch --address temporal.example.com:7233 --namespace deploys");
    assertThat(pointer.temporalCommand("it's"))
        .isEqualTo("temporal workflow show --workflow-id 'it'\\''s' --address temporal.example.com:7233 --namespace deploys");
  }
}
