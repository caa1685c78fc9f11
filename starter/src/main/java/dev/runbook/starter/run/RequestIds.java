package dev.runbook.starter.run;

import dev.runbook.workflows.api.Procedure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Default request ids: a stable hash of what was asked and by whom, so a CI retry of the same
 * command carries the same id and follows the run the first attempt started.
 */
public final class RequestIds {
  private RequestIds() {}

  public static String of(Procedure procedure, String service, String environment, String version, String requestedBy) {
    return of(procedure, service, environment, version, requestedBy, null);
  }

  /**
   * Also hashes {@code content} when given (a lesson's text): a file edited without a version bump
   * is another request, so it is refused while the first runs instead of silently following it.
   */
  public static String of(
      Procedure procedure, String service, String environment, String version, String requestedBy, String content) {
    String key = String.join("\n", procedure.cliName(), nz(service), nz(environment), nz(version), nz(requestedBy));
    if (content != null) {
      key = key + "\n" + content; // appended only when given, so the ids of the other procedures never change
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "req-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
