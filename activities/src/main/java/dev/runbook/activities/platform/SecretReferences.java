package dev.runbook.activities.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves secret references on the worker, so a secret's value never travels through a workflow
 * input, history or log: {@code env:NAME} reads the worker's environment variable, {@code
 * file:/path} reads a file (trailing newline dropped, as mounted Kubernetes secrets have none and
 * editors add one). Messages name the reference, never the value.
 */
public final class SecretReferences {
  private final UnaryOperator<String> environment;

  public SecretReferences(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  public static SecretReferences ofProcess() {
    return new SecretReferences(System::getenv);
  }

  /** Each key's value; fails non-retryably on a reference that is malformed or does not resolve. */
  public Map<String, String> resolve(Map<String, String> refs) {
    Map<String, String> values = new LinkedHashMap<>();
    refs.forEach((key, ref) -> values.put(key, resolve(key, ref)));
    return values;
  }

  private String resolve(String key, String ref) {
    if (ref != null && ref.startsWith("env:") && ref.length() > 4) {
      String value = environment.apply(ref.substring(4));
      if (value == null || value.isEmpty()) {
        throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
            "secret " + key + ": the worker has no environment variable " + ref.substring(4));
      }
      return value;
    }
    if (ref != null && ref.startsWith("file:") && ref.length() > 5) {
      try {
        return Files.readString(Path.of(ref.substring(5)), StandardCharsets.UTF_8).stripTrailing();
      } catch (IOException | RuntimeException e) {
        throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT,
            "secret " + key + ": the worker cannot read " + ref.substring(5) + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    throw PlatformFailures.nonRetryable(PlatformFailures.INVALID_ARGUMENT, "secret " + key
        + ": a secret is given as a reference, env:NAME or file:/path, never as its value");
  }
}
