package dev.runbook.worker.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code runbook.release.environments.<env>}: how a release goes through each environment (seed
 * 004's environment guidelines). An environment named here must also be one of
 * {@code runbook.environments} (its platform, services, approvers and watch rules). Checked at
 * start-up by {@link ReleaseConfiguration}.
 */
@ConfigurationProperties("runbook.release")
public record ReleaseProperties(Map<String, Environment> environments, Map<String, String> stagingFirst) {

  /**
   * @param stagingFirst "always deploy to staging first": environment to the environment a
   *     version must have succeeded in before a code deploy takes it there without a reason
   *     ({@code production: staging})
   */
  public ReleaseProperties {
    environments = environments == null ? Map.of() : environments;
    stagingFirst = stagingFirst == null ? Map.of() : stagingFirst;
  }

  /**
   * @param strategy the deploy strategy of the deployment phase (blue-green: a CodeDeploy child)
   * @param approval an approval step by the environment's approvers before the deployment
   * @param maintenance maintenance mode during the deployment
   * @param rollbackTest after verification, roll back and deploy again, timed (staging)
   * @param userMessage the user communication of post-deployment ({service}, {version},
   *     {environment} filled in); none when absent
   * @param checks the verification's HTTP checks against {@code publicUrl}
   * @param maxErrorRate the verification's ceiling on the live release's error rate, percent
   * @param maxP95 the verification's ceiling on the live release's p95 latency
   * @param extendedMonitoring the watch after post-deployment that can still roll back (seed 004:
   *     24h in production); 0 for none
   * @param rollBackOnLaterFailure roll this environment back too when a later one fails
   * @param publicUrl where users reach the environment (the sandbox's router locally)
   */
  public record Environment(
      @DefaultValue("blue-green") String strategy,
      @DefaultValue("false") boolean approval,
      @DefaultValue("false") boolean maintenance,
      @DefaultValue("false") boolean rollbackTest,
      String userMessage,
      List<Check> checks,
      @DefaultValue("5") double maxErrorRate,
      @DefaultValue("2s") Duration maxP95,
      @DefaultValue("0s") Duration extendedMonitoring,
      @DefaultValue("false") boolean rollBackOnLaterFailure,
      URI publicUrl) {

    public Environment {
      checks = checks == null ? List.of() : List.copyOf(checks);
    }
  }

  /** One HTTP check: {@code GET path} ({service} filled in) answers {@code expectStatus}, with {@code expectBody} in it. */
  public record Check(String name, String path, @DefaultValue("200") int expectStatus, String expectBody) {}
}
