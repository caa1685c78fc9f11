package dev.runbook.lessons.compatibility;

/**
 * The rows of seed 001's "Summary of Mitigations" table. Rows about lesson content are implemented
 * in this module ({@link #implementedHere()}); the others belong to other runbooks and say where.
 */
public enum Mitigation {
  IN_PROGRESS_LESSON_UPDATED("In-progress lesson updated", "Load user's original version",
      "Seamless, no interruption", true,
      "CompatibilityMatrix.inProgress: resolution starts from the version the learner started; within a"
          + " major version it moves them on with their sections, across majors it keeps serving the"
          + " started version until they choose"),
  COMPLETED_LESSON_UPDATED("Completed lesson updated", "Preserve completion, offer \"view updates\"",
      "Optional review", true, "CompatibilityMatrix.completed"),
  XP_SYSTEM_CHANGES("XP system changes", "Retroactive XP adjustment", "Automatic, fair", false,
      "a code deploy of the gamification code (CodeDeploy); progress migrations here keep XP unchanged"),
  QUIZ_ANSWER_CHANGES("Quiz answer changes", "Grandfather old answers as correct", "No penalty", true,
      "QuizCredit: answers are graded against the version they were given under"),
  BREAKING_LESSON_CHANGES("Breaking lesson changes", "User choice: continue or restart", "User control", true,
      "CompatibilityRule.MAJOR_UPDATE: CONTINUE_STARTED or RESTART_ON_NEW"),
  CODE_DEPLOYMENT_ISSUES("Code deployment issues", "Auto-rollback in < 5min", "Minimal downtime", false,
      "the CodeDeploy workflow's watch rules"),
  DATABASE_MIGRATION("Database migration", "Blue-green with snapshot", "Zero data loss", false,
      "the SchemaMigration workflow; user-progress documents migrate through ProgressMigrations");

  private final String scenario;
  private final String mitigation;
  private final String userExperience;
  private final boolean implementedHere;
  private final String handledBy;

  Mitigation(String scenario, String mitigation, String userExperience, boolean implementedHere, String handledBy) {
    this.scenario = scenario;
    this.mitigation = mitigation;
    this.userExperience = userExperience;
    this.implementedHere = implementedHere;
    this.handledBy = handledBy;
  }

  public String scenario() {
    return scenario;
  }

  public String mitigation() {
    return mitigation;
  }

  public String userExperience() {
    return userExperience;
  }

  /** Whether the lessons module implements it (lesson-content rows) or another runbook does. */
  public boolean implementedHere() {
    return implementedHere;
  }

  public String handledBy() {
    return handledBy;
  }
}
