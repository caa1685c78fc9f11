package dev.runbook.starter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL the deploy files ship: every dashboard panel query and every alert expression. */
public final class DeployQueries {
  private static final Pattern EXPR = Pattern.compile("(?m)^\\s+expr:\\s*(.+)$");
  private static final Pattern THRESHOLD = Pattern.compile("\\s*(>|<|==|!=|>=|<=)\\s*[0-9.]+\\s*$");

  private DeployQueries() {}

  /** Every panel query of deploy/grafana/dashboards/runbook.json, as written (Grafana variables in). */
  public static List<String> dashboard(Path repo) throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(repo.resolve("deploy/grafana/dashboards/runbook.json").toFile());
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("targets").isEmpty()) {
        throw new AssertionError("dashboard panel " + panel.path("title") + " has no query");
      }
      panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
    }
    return exprs;
  }

  /** What Grafana substitutes before a query reaches Prometheus: all environments, fixed ranges. */
  public static String withGrafanaVariables(String expr) {
    return expr.replace("$environment", ".*").replace("$__rate_interval", "1m").replace("$__range", "1h")
        .replace("$__interval", "15s");
  }

  /** The alert expressions of deploy/prometheus/rules.yml (one line each). */
  public static List<String> alerts(Path repo) throws IOException {
    Matcher m = EXPR.matcher(Files.readString(repo.resolve("deploy/prometheus/rules.yml")));
    List<String> exprs = new ArrayList<>();
    while (m.find()) {
      exprs.add(m.group(1).strip());
    }
    return exprs;
  }

  /**
   * An alert expression without its final comparison: what the alert measures, which has series
   * whether or not the alert fires (the expression itself is empty while all is well).
   */
  public static String measured(String alertExpr) {
    return THRESHOLD.matcher(alertExpr).replaceFirst("");
  }
}
