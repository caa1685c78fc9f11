package dev.runbook.activities.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Incident report ids derived from the run ({@code IR-} + 12 hex digits of SHA-256 over workflow
 * and run id): a retried write returns the same id, and a person can quote it in a chat.
 */
public final class IncidentReportIds {
  private IncidentReportIds() {}

  public static String of(String workflowId, String runId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((workflowId + "\n" + runId).getBytes(StandardCharsets.UTF_8));
      return "IR-" + HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
