package dev.runbook.workflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Inputs as the Temporal UI sends them (raw JSON through the SDK's default data converter): decoding
 * stays lenient, the unknown fields are kept, named and written back as they came.
 */
class InputShapeTest {

  private static <T> T decode(String json, Class<T> type) {
    Payload payload = uiPayload(json);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, type, type);
  }

  private static String encode(Object value) {
    Optional<Payload> payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(value);
    return payload.orElseThrow().getData().toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCleanInputHasNoProblemsAndRoundTripsUnchanged() {
    String json = "{\"service\":\"learning-api\",\"environment\":\"local\",\"version\":\"v1.5.1\",\"requestedBy\":\"alice\"}";
    CodeDeployRequest request = decode(json, CodeDeployRequest.class);

    assertThat(request).isEqualTo(new CodeDeployRequest("learning-api", "local", "v1.5.1", "alice", null));
    assertThat(InputShape.unknownFieldProblems(request)).isEmpty();
    assertThat(encode(request)).isEqualTo(json);
  }

  @Test
  void unknownFieldsAreKeptNamedAndWrittenBackAsTheyCame() {
    String json = "{\"service\":\"learning-api\",\"environment\":\"local\",\"version\":\"v1.5.1\","
        + "\"skipCanary\":true,\"requestedby\":\"alice\",\"note\":{\"a\":[1,null]}}";
    CodeDeployRequest request = decode(json, CodeDeployRequest.class);

    assertThat(request.requestedBy()).isNull();
    assertThat(InputShape.unknownFieldProblems(request)).containsExactly(
        "CodeDeploy input has unknown field 'note' (known: service, environment, version, requestedBy, requestId, reason)",
        "CodeDeploy input has unknown field 'requestedby': did you mean requestedBy?",
        "CodeDeploy input has unknown field 'skipCanary' (known: service, environment, version, requestedBy, requestId, reason)");
    // written back with the same names and values, sorted by name after the known fields
    assertThat(encode(request)).isEqualTo("{\"service\":\"learning-api\",\"environment\":\"local\",\"version\":\"v1.5.1\","
        + "\"note\":{\"a\":[1,null]},\"requestedby\":\"alice\",\"skipCanary\":true}");
    assertThat(decode(encode(request), CodeDeployRequest.class)).isEqualTo(request);
  }

  @Test
  void everyInputRecordKeepsItsUnknownFields() {
    assertThat(InputShape.unknownFieldProblems(decode(
        "{\"service\":\"web\",\"enviroment\":\"local\"}", EmergencyDeployRequest.class)))
        .containsExactly("EmergencyDeploy input has unknown field 'enviroment': did you mean environment?");
    assertThat(InputShape.unknownFieldProblems(decode(
        "{\"service\":\"web\",\"toVerison\":\"v1.0.0\"}", RollbackRequest.class)))
        .containsExactly("Rollback input has unknown field 'toVerison': did you mean toVersion?");
    assertThat(InputShape.unknownFieldProblems(decode(
        "{\"lessonID\":\"x\",\"lessonYaml\":\"id: x\"}", LessonUpdateRequest.class)))
        .containsExactly("LessonUpdate input has unknown field 'lessonID': did you mean lessonId?");
  }

  @Test
  void aNullInputHasNoShapeProblems() {
    assertThat(InputShape.unknownFieldProblems((CodeDeployRequest) null)).isEmpty();
    assertThat(new CodeDeployRequest("a", "b", "c", "d", "e", null).unknownFields()).isEqualTo(Map.of());
  }

  @Test
  void closeNamesAreHintedAndFarOnesAreNot() {
    var known = UnknownFields.known(CodeDeployRequest.class);
    assertThat(UnknownFields.closest("REQUESTEDBY", known)).isEqualTo("requestedBy");
    assertThat(UnknownFields.closest("verison", known)).isEqualTo("version");
    assertThat(UnknownFields.closest("servce", known)).isEqualTo("service");
    assertThat(UnknownFields.closest("skipCanary", known)).isNull();
    assertThat(UnknownFields.closest("requester", known)).isNull();
    assertThat(UnknownFields.closest("fail", java.util.List.of("full"))).isNull();
  }

  /** A payload as the Temporal UI's input box (or `temporal workflow start --input`) sends it. */
  static Payload uiPayload(String json) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json))
        .build();
  }
}
