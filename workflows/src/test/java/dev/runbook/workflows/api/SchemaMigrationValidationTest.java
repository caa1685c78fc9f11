package dev.runbook.workflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaMigrationValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SchemaMigrationRequest request(String env, String target, String service, String version,
      String message) {
    return new SchemaMigrationRequest(env, target, service, version, message, null, "alice", null);
  }

  @Test
  void aPlainMigrationAndOneWithAReleaseAreValid() {
    assertThat(SchemaMigrationValidation.problems(request("local", "1.1", null, null, null))).isEmpty();
    assertThat(SchemaMigrationValidation.problems(request("production", "2.0.1", "learning-api", "v1.6.0",
        "Back in 10 minutes"))).isEmpty();
  }

  @Test
  void eachBadFieldIsNamedWithWhatIsExpected() {
    assertThat(SchemaMigrationValidation.problems(request("Local!", "v1.1", null, null, null))).containsExactly(
        "environment 'Local!' is not an environment name (lowercase letters, digits, '-')",
        "targetVersion 'v1.1' is not a schema version like 1.1 (numbers separated by dots, no leading v)");
    assertThat(SchemaMigrationValidation.problems(request("local", null, null, null, null)))
        .containsExactly("targetVersion is required: the platform schema release to migrate to, e.g. 1.1");
    assertThat(SchemaMigrationValidation.problems(request("local", "1.1", "learning-api", null, " ")))
        .containsExactly("releaseVersion 'null' is not a release version like v1.6.0 (v + MAJOR.MINOR.PATCH);"
            + " a release needs both service and version",
            "maintenanceMessage is blank: leave it out for the default message");
    assertThat(SchemaMigrationValidation.problems(request("local", "1.1", null, null, "x".repeat(301))))
        .containsExactly("maintenanceMessage has 301 characters; at most 300");
    assertThat(SchemaMigrationValidation.problems(null)).hasSize(1);
    assertThat(SchemaMigrationValidation.isSchemaVersion("1.01")).isFalse();
  }

  @Test
  void theRegistryEntryNamesTheDatabaseAndRefusesUnknownFields() throws Exception {
    SchemaMigrationRequest r = JSON.readValue(
        "{\"environment\":\"local\",\"targetVersion\":\"1.1\",\"proceednow\":true}", SchemaMigrationRequest.class);
    assertThat(Procedure.fromCliName("schema-migration")).contains(Procedure.SCHEMA_MIGRATION);
    assertThat(Procedure.SCHEMA_MIGRATION.workflowId(r)).isEqualTo("schema:platform:local");
    assertThat(Procedure.SCHEMA_MIGRATION.target(r).version()).isEqualTo("1.1");
    assertThat(Procedure.SCHEMA_MIGRATION.problems(r))
        .containsExactly("SchemaMigration input has unknown field 'proceednow': did you mean proceedNow?");
  }
}
