package dev.runbook.activities.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyActivitiesImplTest {
  static final WatchRule ERROR_RATE = new WatchRule("error-rate", MetricKind.ERROR_RATE_PERCENT, Comparison.GREATER_THAN,
      5, false, 120, 60, RuleAction.ROLLBACK, 20, null, null);
  static final ApprovalPolicy MANUAL = new ApprovalPolicy(true, List.of("alice", "bob"), false, 7200,
      ApprovalTimeoutAction.HOLD_AND_REMIND, 900);

  static final RolloutPolicy CANARY = new RolloutPolicy(
      List.of(new RolloutStep(10, 1800, true), new RolloutStep(50, 3600, true), new RolloutStep(100, 1800, false)),
      86400);

  static EnvironmentSettings production() {
    return new EnvironmentSettings("k8s-prod", "prometheus", List.of("learning-api", "lesson-content"),
        List.of(ERROR_RATE), MANUAL, 10, 60, 900, CANARY, new EmergencyPolicy(7200, 3600));
  }

  static EnvironmentSettings local() {
    return new EnvironmentSettings("sandbox", "sandbox", List.of("learning-api"), List.of(ERROR_RATE),
        new ApprovalPolicy(false, List.of("*"), true, 0, ApprovalTimeoutAction.HOLD_AND_REMIND, 0), 2, 20, 60,
        new RolloutPolicy(List.of(new RolloutStep(100, 60, false)), 0), new EmergencyPolicy(120, 0));
  }

  private final PolicyActivitiesImpl policies =
      new PolicyActivitiesImpl(new PolicyCatalog(Map.of("production", production(), "local", local())));

  @Test
  void resolvesTheEnvironmentTemplateForTheServiceWithEachProceduresPart() {
    EnvironmentPolicy policy = policies.resolvePolicy("code-deploy", "learning-api", "production");
    assertThat(policy).isEqualTo(new EnvironmentPolicy("production", "learning-api", "k8s-prod", List.of(ERROR_RATE),
        MANUAL, 10, 60, 900, CANARY, new EmergencyPolicy(7200, 3600)));
  }

  @Test
  void unknownEnvironmentListsTheKnownOnes() {
    assertThatThrownBy(() -> policies.resolvePolicy("code-deploy", "learning-api", "prod"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(PolicyActivitiesImpl.UNKNOWN_ENVIRONMENT);
          assertThat(f.getOriginalMessage()).isEqualTo("unknown environment 'prod'; known: local, production");
        });
  }

  @Test
  void unknownServiceListsTheKnownOnes() {
    assertThatThrownBy(() -> policies.resolvePolicy("code-deploy", "billing", "production"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage())
              .isEqualTo("unknown service 'billing' in environment 'production'; known: learning-api, lesson-content");
        });
  }

  @Test
  void invalidSettingsStopTheCatalogWithEveryProblem() {
    EnvironmentSettings bad = new EnvironmentSettings("", "sandbox", List.of(), List.of(), null, 10, 5, 60,
        new RolloutPolicy(List.of(new RolloutStep(50, 60, false)), -1), new EmergencyPolicy(-1, 0));
    assertThatThrownBy(() -> new PolicyCatalog(Map.of("staging", bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment 'staging': platform is required")
        .hasMessageContaining("services must list at least one service")
        .hasMessageContaining("code-deploy: the last step must send 100% of traffic, was 50%")
        .hasMessageContaining("code-deploy: retireAfterSeconds must not be negative, was -1")
        .hasMessageContaining("emergency-deploy: watchSeconds and retireAfterSeconds must not be negative")
        .hasMessageContaining("at least one watch rule must have action ROLLBACK")
        .hasMessageContaining("approval is required")
        .hasMessageContaining("heartbeatTimeoutSeconds (5) must exceed pollSeconds (10)");
  }

  @Test
  void anEnvironmentWithoutItsProcedureSectionsIsRefused() {
    EnvironmentSettings bare = new EnvironmentSettings("sandbox", "sandbox", List.of("learning-api"),
        List.of(ERROR_RATE), MANUAL, 2, 20, 60, null, null);
    assertThatThrownBy(() -> new PolicyCatalog(Map.of("qa", bare)))
        .hasMessage("invalid runbook policy:\n"
            + "  environment 'qa': code-deploy is required (its steps, the last at weight 100)\n"
            + "  environment 'qa': emergency-deploy is required (its watch and retire delay)");
  }
}
