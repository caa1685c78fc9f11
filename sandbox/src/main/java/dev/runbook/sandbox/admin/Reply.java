package dev.runbook.sandbox.admin;

import dev.runbook.sandbox.http.Exchanges;
import java.nio.charset.StandardCharsets;

/**
 * What an admin endpoint answers: a status, a content type, the bytes, and optionally something to
 * do once the answer has been sent (shutdown must answer before it stops the server).
 */
record Reply(int status, String contentType, byte[] body, Runnable afterSend) {

  Reply(int status, String contentType, byte[] body) {
    this(status, contentType, body, null);
  }

  Reply then(Runnable action) {
    return new Reply(status, contentType, body, action);
  }

  static Reply json(Object body) {
    return json(200, body);
  }

  static Reply json(int status, Object body) {
    try {
      return new Reply(status, "application/json", Exchanges.JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  static Reply error(int status, String message) {
    return json(status, java.util.Map.of("error", message));
  }

  static Reply text(String contentType, String text) {
    return new Reply(200, contentType, text.getBytes(StandardCharsets.UTF_8));
  }
}
