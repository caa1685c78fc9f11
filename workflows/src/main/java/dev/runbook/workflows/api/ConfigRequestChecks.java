package dev.runbook.workflows.api;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The config-specific checks of a {@link ConfigUpdateRequest} (see {@link
 * RequestValidation#configUpdate}). No message ever repeats a value: a secret typed where its
 * reference belongs must not end up in a refusal that is logged and kept in history.
 */
final class ConfigRequestChecks {
  static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  static final Pattern SECRET_REF = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]{0,127}|file:/[^\\s]{1,1023}");
  static final int MAX_KEYS = 100;
  static final int MAX_VALUE_LENGTH = 4096;

  private ConfigRequestChecks() {}

  static void check(ConfigUpdateRequest r, List<String> problems) {
    Map<String, String> set = r.set() == null ? Map.of() : r.set();
    Map<String, String> secrets = r.secrets() == null ? Map.of() : r.secrets();
    List<String> unset = r.unset() == null ? List.of() : r.unset();
    int keys = set.size() + secrets.size() + unset.size();
    if (keys == 0) {
      problems.add("the change is empty: give at least one key in set, secrets or unset");
    } else if (keys > MAX_KEYS) {
      problems.add("the change names " + keys + " keys; at most " + MAX_KEYS);
      return;
    }
    Set<String> seen = new HashSet<>();
    set.forEach((key, value) -> {
      key("set", key, seen, problems);
      if (value == null) {
        problems.add("set." + key + " has no value; use unset to remove a key");
      } else if (value.length() > MAX_VALUE_LENGTH) {
        problems.add("set." + key + " is " + value.length() + " characters long; at most " + MAX_VALUE_LENGTH);
      }
    });
    secrets.forEach((key, ref) -> {
      key("secrets", key, seen, problems);
      if (ref == null || !SECRET_REF.matcher(ref).matches()) {
        problems.add("secrets." + key + " must be a reference, env:NAME or file:/path, that the worker resolves;"
            + " a secret's value is never passed in a request");
      }
    });
    unset.forEach(key -> key("unset", key, seen, problems));
  }

  private static void key(String where, String key, Set<String> seen, List<String> problems) {
    if (key == null || !KEY.matcher(key).matches()) {
      problems.add(where + ": key '" + (key == null ? null : key.length() > 70 ? key.substring(0, 70) + "…" : key)
          + "' is not a config key (upper-case letters, digits and _, starting with a letter, at most 64)");
    } else if (!seen.add(key)) {
      problems.add("key " + key + " is named twice (set, secrets and unset must not overlap)");
    }
  }
}
