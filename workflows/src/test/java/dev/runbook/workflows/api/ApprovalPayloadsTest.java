package dev.runbook.workflows.api;

import static dev.runbook.workflows.api.InputShapeTest.uiPayload;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Promote and abort payloads of every shape, decoded as the SDK decodes a signal or update argument. */
class ApprovalPayloadsTest {

  private static PromoteRequest promote(String json) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(uiPayload(json), PromoteRequest.class, PromoteRequest.class);
  }

  private static AbortRequest abort(String json) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(uiPayload(json), AbortRequest.class, AbortRequest.class);
  }

  private static String encode(Object value) {
    Payload payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(value).orElseThrow();
    return payload.getData().toString(StandardCharsets.UTF_8);
  }

  @Test
  void aWellFormedPromoteReadsAsBeforeAndIsNotRefused() {
    PromoteRequest request = promote("{\"approver\":\"bob\",\"full\":true,\"workflowId\":\"deploy:web:local\",\"comment\":\"ok\"}");

    assertThat(request).isEqualTo(new PromoteRequest("bob", true, "deploy:web:local", "ok"));
    assertThat(ApprovalPayloads.refusal(request)).isNull();
  }

  @Test
  void theRecordedGoldenPayloadStillReadsTheSameAndIsWrittenTheSame() {
    String golden = "{\"approver\":\"alice\",\"full\":false}";

    assertThat(promote(golden)).isEqualTo(new PromoteRequest("alice", false, null, null));
    assertThat(encode(new PromoteRequest("alice", false, null, null))).isEqualTo(golden);
    assertThat(encode(new AbortRequest("bob", "bad gut", null))).isEqualTo("{\"approver\":\"bob\",\"reason\":\"bad gut\"}");
  }

  @Test
  void scalarsAreReadAsTheSdkMapperReadThem() {
    PromoteRequest request = promote("{\"approver\":42,\"full\":\"true\"}");

    assertThat(request.approver()).isEqualTo("42");
    assertThat(request.isFull()).isTrue();
    assertThat(ApprovalPayloads.refusal(request)).isNull();
  }

  @Test
  void aPayloadThatIsNotAnObjectIsRefusedWithWhatItWas() {
    assertThat(ApprovalPayloads.refusal(promote("\"alice\"")))
        .isEqualTo("promote needs a JSON object such as {\"approver\":\"alice\",\"full\":false}; got the string \"alice\"");
    assertThat(ApprovalPayloads.refusal(promote("42")))
        .isEqualTo("promote needs a JSON object such as {\"approver\":\"alice\",\"full\":false}; got the number 42");
    assertThat(ApprovalPayloads.refusal(promote("[\"alice\"]"))).endsWith("got an array");
    assertThat(ApprovalPayloads.refusal(abort("true")))
        .isEqualTo("abort needs a JSON object such as {\"approver\":\"bob\",\"reason\":\"...\"}; got the value true");
    assertThat(promote("\"alice\"").approver()).isNull();
  }

  @Test
  void aFieldOfTheWrongTypeIsRefusedByName() {
    PromoteRequest request = promote("{\"approver\":{\"name\":\"bob\"},\"full\":\"yes\"}");

    assertThat(ApprovalPayloads.refusal(request)).isEqualTo(
        "promote field approver must be a string; got an object; promote field full must be true or false; got the string \"yes\"");
  }

  @Test
  void unknownFieldsAreRefusedWithAHint() {
    PromoteRequest promote = promote("{\"approver\":\"bob\",\"ful\":true}");
    AbortRequest abort = abort("{\"approver\":\"bob\",\"reason\":\"x\",\"skipRollback\":true}");

    assertThat(promote.approver()).isEqualTo("bob");
    assertThat(ApprovalPayloads.refusal(promote)).isEqualTo("promote has unknown field 'ful': did you mean full?");
    assertThat(ApprovalPayloads.refusal(abort))
        .isEqualTo("abort has unknown field 'skipRollback' (known: approver, reason, workflowId)");
    // the problem text never goes on the wire; unknown fields go back as they came
    assertThat(encode(abort)).isEqualTo("{\"approver\":\"bob\",\"reason\":\"x\",\"skipRollback\":true}");
    assertThat(encode(promote("7"))).isEqualTo("{\"full\":false}");
  }

  @Test
  void aJsonNullIsNoRequestAtAll() {
    assertThat(promote("null")).isNull();
    assertThat(ApprovalPayloads.refusal((PromoteRequest) null)).isNull();
  }
}
