package dev.runbook.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The run header as the payloads carry it: nested in the registry's run record and the incident
 * report (the flat form of earlier workflows still reads), flat in the status the CLI reads.
 */
class RunHeaderJsonTest {
  private static final RunHeader HEADER = new RunHeader("code-deploy", "deploy:web:local", "r1", "web", "local",
      "v2", "carol", "ci-1", null, 42L);

  @Test
  void aRunRecordInTheFlatFormOfEarlierWorkflowsStillReads() {
    RunRecord read = read("""
        {"workflowId":"deploy:web:local","runId":"r1","procedure":"code-deploy","service":"web",
         "environment":"local","version":"v2","requestedBy":"carol","requestId":"ci-1","startedAtMillis":42}""",
        RunRecord.class);

    assertThat(read.header()).isEqualTo(HEADER);
  }

  @Test
  void aRunRecordRoundTripsWithItsHeader() {
    assertThat(roundTrip(new RunRecord(HEADER), RunRecord.class).header()).isEqualTo(HEADER);
  }

  @Test
  void anIncidentReportInTheFlatFormStillReads() {
    IncidentReport read = read("""
        {"workflowId":"deploy:web:local","runId":"r1","procedure":"code-deploy","service":"web",
         "environment":"local","fromVersion":"v2","toVersion":"v1","trigger":"abort","reason":"why",
         "requestedBy":"carol","createdAtMillis":7}""", IncidentReport.class);

    assertThat(read.run().workflowId()).isEqualTo("deploy:web:local");
    assertThat(read.run().runId()).isEqualTo("r1");
    assertThat(read.run().requestedBy()).isEqualTo("carol");
    assertThat(read.toVersion()).isEqualTo("v1");
    assertThat(read.reason()).isEqualTo("why");
    IncidentReport nested = new IncidentReport(HEADER, "v2", "v1", "abort", "why", List.of(), List.of(), 7);
    assertThat(roundTrip(nested, IncidentReport.class)).isEqualTo(nested);
  }

  @Test
  void theStatusStaysFlatForTheCli() throws Exception {
    RunbookStatus status = new RunbookStatus("code-deploy", "deploy:web:local", "web", "local", "v2", "carol", "ci-1",
        null, Phase.WATCHING, 3, List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
        42L, 43L);
    JsonNode json = JacksonJsonPayloadConverter.newDefaultObjectMapper()
        .readTree(JacksonJsonPayloadConverter.newDefaultObjectMapper().writeValueAsString(status));

    assertThat(json.has("header")).isFalse();
    assertThat(json.get("service").asText()).isEqualTo("web");
    assertThat(json.get("currentStep").asInt()).isEqualTo(3);
    assertThat(status.header().requestedBy()).isEqualTo("carol");
  }

  private static <T> T read(String json, Class<T> type) {
    Payload payload = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json)).build();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, type, type);
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    Optional<Payload> payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(value);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload.orElseThrow(), type, type);
  }
}
