package dev.runbook.workflows.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a request before anything happens. The CLI calls it to exit 64 with the same message the
 * workflow would fail with; the workflows call it first so a bad Temporal UI input fails fast and
 * non-retryably. Pure code: no I/O.
 */
public final class RequestValidation {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern VERSION =
      Pattern.compile("v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");
  private static final Pattern LESSON_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private RequestValidation() {}

  public static List<String> codeDeploy(CodeDeployRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"service\":...,\"environment\":...,\"version\":...}");
    }
    target(r.service(), r.environment(), problems);
    version("version", r.version(), true, problems);
    identity("requestedBy", r.requestedBy(), problems);
    if (r.reason() != null && r.reason().length() > 500) {
      problems.add("reason is longer than 500 characters");
    }
    return problems;
  }

  public static List<String> emergencyDeploy(EmergencyDeployRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"service\":...,\"environment\":...,\"version\":...,\"reason\":...}");
    }
    target(r.service(), r.environment(), problems);
    version("version", r.version(), true, problems);
    reason(r.reason(), "an emergency deploy skips the canary", problems);
    requiredIdentity("requestedBy", r.requestedBy(), "it aborts a running deploy in that name", problems);
    return problems;
  }

  public static List<String> rollback(RollbackRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"service\":...,\"environment\":...,\"reason\":...}");
    }
    target(r.service(), r.environment(), problems);
    version("toVersion", r.toVersion(), false, problems);
    reason(r.reason(), "the incident report needs it", problems);
    requiredIdentity("requestedBy", r.requestedBy(), "it aborts running deploys in that name", problems);
    return problems;
  }

  public static List<String> lessonUpdate(LessonUpdateRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"lessonId\":...,\"lessonFile\":...,\"lessonYaml\":...,\"environment\":...}");
    }
    if (r.lessonId() == null || !LESSON_ID.matcher(r.lessonId()).matches()) {
      problems.add("lessonId '" + r.lessonId() + "' is not a lesson id (lowercase letters, digits, '_', '-')");
    }
    if (r.lessonFile() == null || r.lessonFile().isBlank()) {
      problems.add("lessonFile is required (the file name used in validation messages)");
    }
    if (r.lessonYaml() == null || r.lessonYaml().isBlank()) {
      problems.add("lessonYaml is required: the lesson file's content");
    } else if (r.lessonYaml().length() > MAX_LESSON_CHARS) {
      problems.add("lessonYaml has " + r.lessonYaml().length() + " characters; a lesson may have at most " + MAX_LESSON_CHARS);
    }
    if (r.environment() == null || !NAME.matcher(r.environment()).matches()) {
      problems.add("environment '" + r.environment() + "' is not an environment name (lowercase letters, digits, '-')");
    }
    identity("requestedBy", r.requestedBy(), problems);
    return problems;
  }

  public static List<String> incident(IncidentRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"severity\":1,\"service\":...,\"environment\":...,\"summary\":...,"
          + "\"requestedBy\":...}");
    }
    if (IncidentSeverity.of(r.severity()).isEmpty()) {
      problems.add("severity " + r.severity() + " is not a severity: 1 (critical, 5 min), 2 (high, 15 min) or 3 "
          + "(medium, 30 min)");
    }
    target(r.service(), r.environment(), problems);
    if (r.summary() == null || r.summary().isBlank()) {
      problems.add("summary is required: it is the first line of every page");
    } else if (r.summary().length() > 500) {
      problems.add("summary is longer than 500 characters");
    }
    requiredIdentity("requestedBy", r.requestedBy(), "the timeline names who opened it", problems);
    if (r.escalation() != null) {
      r.escalation().problems().forEach(p -> problems.add("escalation." + p));
    }
    return problems;
  }

  /** Lessons travel in workflow input and history; this keeps one far below Temporal's 2 MB limit. */
  public static final int MAX_LESSON_CHARS = 256 * 1024;

  public static boolean isVersion(String v) {
    return v != null && VERSION.matcher(v).matches();
  }

  public static boolean isIdentity(String who) {
    return who != null && IDENTITY.matcher(who).matches();
  }

  public static List<String> progressMigration(ProgressMigrationRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"environment\":...}");
    }
    if (r.environment() == null || !NAME.matcher(r.environment()).matches()) {
      problems.add("environment '" + r.environment() + "' is not an environment name (lowercase letters, digits, '-')");
    }
    if (r.batchSize() != null && (r.batchSize() < 1 || r.batchSize() > ProgressMigrationRequest.MAX_BATCH_SIZE)) {
      problems.add("batchSize " + r.batchSize() + " must be between 1 and " + ProgressMigrationRequest.MAX_BATCH_SIZE);
    }
    identity("requestedBy", r.requestedBy(), problems);
    return problems;
  }

  /** The most platforms one request may name: more is a typo or an attack, not a deploy. */
  public static final int MAX_PLATFORMS = 16;

  public static List<String> multiPlatform(MultiPlatformRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"service\":...,\"environment\":...,\"version\":...,"
          + "\"platforms\":[\"fly\",\"railway\",\"render\"]}");
    }
    target(r.service(), r.environment(), problems);
    version("version", r.version(), true, problems);
    if (r.platforms() != null) {
      if (r.platforms().size() > MAX_PLATFORMS) {
        problems.add("platforms names " + r.platforms().size() + " platforms; at most " + MAX_PLATFORMS);
      } else {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String p : r.platforms()) {
          if (p == null || !NAME.matcher(p).matches()) {
            problems.add("platform '" + p + "' is not a platform name (lowercase letters, digits, '-')");
          } else if (!seen.add(p)) {
            problems.add("platform '" + p + "' is named twice");
          }
        }
      }
    }
    identity("requestedBy", r.requestedBy(), problems);
    return problems;
  }

  public static List<String> configUpdate(ConfigUpdateRequest r) {
    List<String> problems = new ArrayList<>();
    if (r == null) {
      return List.of("input is missing: expected {\"service\":...,\"environment\":...,\"set\":{\"KEY\":\"value\"}}");
    }
    target(r.service(), r.environment(), problems);
    ConfigRequestChecks.check(r, problems);
    if (r.reason() != null && r.reason().length() > 500) {
      problems.add("reason is longer than 500 characters");
    }
    identity("requestedBy", r.requestedBy(), problems);
    return problems;
  }

  private static void target(String service, String environment, List<String> problems) {
    if (service == null || !NAME.matcher(service).matches()) {
      problems.add("service '" + service + "' is not a service name (lowercase letters, digits, '-')");
    }
    if (environment == null || !NAME.matcher(environment).matches()) {
      problems.add("environment '" + environment + "' is not an environment name (lowercase letters, digits, '-')");
    }
  }

  private static void version(String field, String v, boolean required, List<String> problems) {
    if (v == null || v.isBlank()) {
      if (required) {
        problems.add(field + " is required, e.g. v1.5.1");
      }
      return;
    }
    if (!isVersion(v)) {
      problems.add(field + " '" + v + "' is not a release version like v1.5.1 (v + MAJOR.MINOR.PATCH)");
    }
  }

  private static void reason(String reason, String why, List<String> problems) {
    if (reason == null || reason.isBlank()) {
      problems.add("reason is required: " + why);
    } else if (reason.length() > 500) {
      problems.add("reason is longer than 500 characters");
    }
  }

  private static void requiredIdentity(String field, String who, String why, List<String> problems) {
    if (who == null || who.isBlank()) {
      problems.add(field + " is required: " + why);
    } else {
      identity(field, who, problems);
    }
  }

  private static void identity(String field, String who, List<String> problems) {
    if (who != null && !isIdentity(who)) {
      problems.add(field + " '" + who + "' is not an identity (letters, digits, . _ @ -)");
    }
  }
}
