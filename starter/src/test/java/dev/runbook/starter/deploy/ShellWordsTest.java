package dev.runbook.starter.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsAsShDoesAndStopsAtARedirection() {
    assertThat(ShellWords.words("./runbook promote \"$RUN_ID\" --as 'a b' --comment \"it's \\\"ok\\\"\" > out.json"))
        .containsExactly("./runbook", "promote", "$RUN_ID", "--as", "a b", "--comment", "it's \"ok\"");
    assertThatThrownBy(() -> ShellWords.words("./runbook status \"x")).hasMessageContaining("unclosed");
  }

  @Test
  void findsCommandsThatStartALineAcrossContinuationsButNotMentionsInMessages() {
    String script = """
        set +e
        ./runbook start code-deploy --service "$SERVICE" \\
          --wait -o json > outcome.json
        echo "see ./runbook status $RUN_ID"
        """;
    assertThat(ShellWords.runbookCommands(script))
        .containsExactly(List.of("start", "code-deploy", "--service", "$SERVICE", "--wait", "-o", "json"));
  }
}
