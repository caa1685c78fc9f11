package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A config change as it travels through history: plain values, secrets as references only
 * ({@code env:NAME} or {@code file:/path}, resolved by the activity that applies them), and the
 * keys to remove.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigChange(Map<String, String> set, Map<String, String> secretRefs, List<String> unset) {

  public ConfigChange {
    set = set == null ? Map.of() : Map.copyOf(set);
    secretRefs = secretRefs == null ? Map.of() : Map.copyOf(secretRefs);
    unset = unset == null ? List.of() : List.copyOf(unset);
  }
}
