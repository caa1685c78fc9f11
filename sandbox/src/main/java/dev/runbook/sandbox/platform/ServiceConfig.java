package dev.runbook.sandbox.platform;

import static dev.runbook.sandbox.platform.PlatformException.badInput;
import static dev.runbook.sandbox.platform.PlatformException.notFound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The ConfigMap and Secret of one service, as revisions: a change that alters nothing adds no
 * revision (so a retried change is a no-op), and a restore puts an earlier revision's content back
 * as a new revision (so a runbook can roll back a secret it never saw). Guarded by its
 * {@link ServiceState}.
 */
final class ServiceConfig {
  static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  static final int MAX_VALUE_LENGTH = 4096;
  static final int MAX_KEYS = 100;

  private record Revision(int number, Map<String, String> values, Set<String> secrets, String hash) {}

  private final String service;
  private final List<Revision> revisions = new ArrayList<>();

  ServiceConfig(String service) {
    this.service = service;
    revisions.add(revision(1, new TreeMap<>(), new TreeSet<>()));
  }

  int revision() {
    return current().number();
  }

  Map<String, String> values() {
    return current().values();
  }

  ConfigView view() {
    Revision r = current();
    Map<String, String> plain = new TreeMap<>(r.values());
    r.secrets().forEach(plain::remove);
    return new ConfigView(service, r.number(), r.hash(), plain, List.copyOf(new TreeSet<>(r.secrets())));
  }

  /** Sets plain values and secrets, removes {@code unset}; a new revision only when something changed. */
  boolean change(Map<String, String> set, Map<String, String> secrets, List<String> unset) {
    if (set.isEmpty() && secrets.isEmpty() && unset.isEmpty()) {
      throw badInput("a config change needs at least one key in set, secrets or unset");
    }
    TreeMap<String, String> values = new TreeMap<>(current().values());
    TreeSet<String> secretKeys = new TreeSet<>(current().secrets());
    checkKeys(set);
    checkKeys(secrets);
    unset.forEach(ServiceConfig::checkKey);
    set.forEach((k, v) -> {
      values.put(k, v);
      secretKeys.remove(k);
    });
    secrets.forEach((k, v) -> {
      values.put(k, v);
      secretKeys.add(k);
    });
    unset.forEach(k -> {
      values.remove(k);
      secretKeys.remove(k);
    });
    if (values.size() > MAX_KEYS) {
      throw badInput("a service config holds at most " + MAX_KEYS + " keys; this change makes " + values.size());
    }
    return append(values, secretKeys);
  }

  /** Puts revision {@code number}'s content back as a new revision; false when it is already current. */
  boolean restore(int number) {
    Revision old = revisions.stream().filter(r -> r.number() == number).findFirst().orElseThrow(() ->
        notFound("config revision " + number + " of " + service + " does not exist; revisions are 1 to " + revision()));
    return append(new TreeMap<>(old.values()), new TreeSet<>(old.secrets()));
  }

  private boolean append(TreeMap<String, String> values, TreeSet<String> secrets) {
    Revision next = revision(revision() + 1, values, secrets);
    if (next.hash().equals(current().hash())) {
      return false;
    }
    revisions.add(next);
    return true;
  }

  private Revision current() {
    return revisions.get(revisions.size() - 1);
  }

  private static void checkKeys(Map<String, String> entries) {
    entries.forEach((k, v) -> {
      checkKey(k);
      if (v == null) {
        throw badInput("config key " + k + " has no value; use unset to remove a key");
      }
      if (v.length() > MAX_VALUE_LENGTH) {
        throw badInput("config key " + k + " has a value of " + v.length() + " characters; at most "
            + MAX_VALUE_LENGTH);
      }
    });
  }

  private static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw badInput("config key '" + key + "' is not valid: upper-case letters, digits and _, "
          + "starting with a letter, at most 64 characters (e.g. REQUEST_TIMEOUT_MS)");
    }
  }

  private static Revision revision(int number, TreeMap<String, String> values, TreeSet<String> secrets) {
    StringBuilder canonical = new StringBuilder();
    values.forEach((k, v) -> canonical.append(secrets.contains(k) ? "secret:" : "value:").append(k).append('=')
        .append(v.length()).append(':').append(v).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return new Revision(number, Map.copyOf(values), Set.copyOf(new TreeSet<>(secrets)),
          "sha256:" + HexFormat.of().formatHex(digest, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
