package dev.runbook.starter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookStatus;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StatusRendererTest {
  private final StatusRenderer plain = new StatusRenderer(Ansi.PLAIN, ZoneOffset.UTC);

  @Test
  void runningCanaryAwaitingApproval() {
    assertThat(plain.render(Statuses.awaitingApproval())).isEqualTo("""
        Name:         deploy:learning-api:local
        Procedure:    code-deploy
        Service:      learning-api
        Environment:  local
        Version:      v1.5.1
        Requested by: ci (request req-0123456789abcdef)
        Phase:        ॥ AWAITING_APPROVAL
        Live:         blue v1.5.0
        Weights:      blue 90% / green 10%
        Waiting for:  approval to go past Canary 10% (watch 30s)
          May act:    alice, bob
          Promote:    runbook promote deploy:learning-api:local --as NAME [--full]
          Abort:      runbook abort deploy:learning-api:local --as NAME --reason TEXT

        Steps
          ✔ 1. Deploy v1.5.1 to green  12s  2 instances healthy
          ✔ 2. Smoke test green         3s  4/4 checks passed
          ॥ 3. Canary 10% (watch 30s)       watch passed; awaiting approval
          ◌ 4. Canary 50% (watch 30s)
          ◌ 5. Cut over to green
          ◌ 6. Retire blue

        Observations
          RULE         VALUE  THRESHOLD  VERDICT  DETAIL
          error-rate   0.012  0.05       OK       120 requests
          p95-latency  0.213  2          OK

        Log
          10:00:00  deploying v1.5.1 to green
          10:00:12  green healthy: 2 instances
          10:00:15  smoke tests passed (4/4)
          10:00:15  traffic: blue 90% / green 10%
          10:00:45  watch passed: error-rate 0.012 <= 0.05
        """);
  }

  @Test
  void rolledBack() {
    assertThat(plain.render(Statuses.rolledBack())).isEqualTo("""
        Name:         deploy:learning-api:local
        Procedure:    code-deploy
        Service:      learning-api
        Environment:  local
        Version:      v1.6.0
        Requested by: ci (request req-fedcba9876543210)
        Phase:        ↺ DONE
        Live:         blue v1.5.0
        Weights:      blue 100% / green 0%
        Outcome:      ROLLED_BACK: error-rate 0.21 > 0.05 for 10s at Canary 10%

        Steps
          ✔ 1. Deploy v1.6.0 to green  11s  2 instances healthy
          ✔ 2. Smoke test green         3s  4/4 checks passed
          ↺ 3. Canary 10% (watch 30s)  15s  error-rate 0.21 > 0.05 for 10s
          - 4. Canary 50% (watch 30s)
          - 5. Cut over to green
          - 6. Retire blue

        Observations
          RULE        VALUE  THRESHOLD  VERDICT  DETAIL
          error-rate  0.209  0.05       FIRING   for 10s

        Log
          10:00:00  deploying v1.6.0 to green
          10:00:14  traffic: blue 90% / green 10%
          10:00:29  rule error-rate fired: 0.21 > 0.05 for 10s
          10:00:30  rolling back: traffic to blue
          10:00:31  traffic: blue 100% / green 0%
        """);
  }

  @Test
  void succeededShowsApprovalsAndOnlyTheLastEightLogLines() {
    assertThat(plain.render(Statuses.succeeded())).isEqualTo("""
        Name:         deploy:learning-api:local
        Procedure:    code-deploy
        Service:      learning-api
        Environment:  local
        Version:      v1.5.1
        Requested by: ci (request req-0123456789abcdef)
        Phase:        ✔ DONE
        Live:         green v1.5.1
        Weights:      blue 0% / green 100%
        Outcome:      SUCCEEDED: v1.5.1 live on green

        Approvals
          10:00:50  ✔ promote step 2 by alice: demo
          10:01:20  ✖ promote step 3 by ci rejected: the requester cannot approve
          10:01:25  ✔ promote step 3 by alice

        Steps
          ✔ 1. Deploy v1.5.1 to green  12s  2 instances healthy
          ✔ 2. Smoke test green         3s  4/4 checks passed
          ✔ 3. Canary 10% (watch 30s)  35s  promoted by alice
          ✔ 4. Canary 50% (watch 30s)  35s  promoted by alice
          ✔ 5. Cut over to green        1s  green 100%
          ✔ 6. Retire blue              2s  v1.5.0 kept warm as standby

        Observations
          RULE         VALUE  THRESHOLD  VERDICT       DETAIL
          error-rate   0.004  0.05       OK
          p95-latency  n/a    2          INCONCLUSIVE  no samples

        Log
          10:00:03  l3
          10:00:04  l4
          10:00:05  l5
          10:00:06  l6
          10:00:07  l7
          10:00:08  l8
          10:00:09  l9
          10:01:28  done: v1.5.1 live on green
        """);
  }

  @Test
  void colorsOnlyWhenAsked() {
    String colored = new StatusRenderer(Ansi.COLOR, ZoneOffset.UTC).render(Statuses.rolledBack());
    assertThat(colored).contains("\033[33mROLLED_BACK\033[0m").contains("\033[34mblue\033[0m 100%");
    assertThat(plain.render(Statuses.rolledBack())).doesNotContain("\033[");
  }

  @Test
  void aStatusWithOnlyAnIdAndPhaseStillRenders() {
    var bare = new dev.runbook.workflows.api.RunbookStatus(
        "Rollback", "rollback:learning-api:local", null, null, null, null, null, null,
        dev.runbook.workflows.api.Phase.STARTING, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, 0, 0);
    assertThat(plain.render(bare)).isEqualTo("""
        Name:         rollback:learning-api:local
        Procedure:    rollback
        Phase:        ◌ STARTING
        """);
  }

  @Test
  void aLessonUpdateNamesItsLesson() {
    RunbookStatus lesson = new RunbookStatus("lesson-update", "lesson:stock_basics_003:local", "stock_basics_003", "local",
        "1.0.1", null, null, null, Phase.PUBLISHING, null, null, null, null, null, null, "1.0.0", null, null, null, null,
        null, null, null, 0, 0);
    assertThat(plain.render(lesson)).contains("Procedure:    lesson-update\nLesson:       stock_basics_003\n")
        .doesNotContain("Service:");
  }

  @Test
  void theLiveColourKeepsItsEscapeCharacter() {
    String text = new StatusRenderer(Ansi.COLOR, ZoneOffset.UTC).render(Statuses.awaitingApproval());
    assertThat(text.lines().filter(l -> l.startsWith("Live:")))
        .containsExactly("Live:         \033[34mblue\033[0m v1.5.0");
    assertThat(text).doesNotContainPattern("(?<!\033)\\[[0-9;]+m");
  }

  @Test
  void aRollbackReasonIsShownOnceAmongTheSkippedSteps() {
    String reason = "skipped: error-rate 0.21 > 0.05 for 10s at Canary 10%";
    String text = plain.render(Statuses.rolledBack(reason));
    assertThat(text.substring(text.indexOf("Steps"), text.indexOf("Observations"))).isEqualTo("""
        Steps
          ✔ 1. Deploy v1.6.0 to green  11s  2 instances healthy
          ✔ 2. Smoke test green         3s  4/4 checks passed
          ↺ 3. Canary 10% (watch 30s)  15s  error-rate 0.21 > 0.05 for 10s
          - 4. Canary 50% (watch 30s)       skipped: error-rate 0.21 > 0.05 for 10s at Canary 10%
          - 5. Cut over to green            skipped
          - 6. Retire blue                  skipped

        """);
  }
}
