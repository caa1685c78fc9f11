package dev.runbook.lessons.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The entries of one YAML mapping, read leniently: every problem (duplicate or unknown key, missing
 * or mistyped value) is reported with its line and reading goes on, so one pass finds them all.
 */
final class Fields {
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final MappingNode node;
  private final String path;
  private final String label;
  private final Issues issues;

  Fields(MappingNode node, String path, String label, List<String> allowed, Issues issues) {
    this.node = node;
    this.path = path;
    this.label = label;
    this.issues = issues;
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key)) {
        issues.add(keyNode, label + "keys must be plain names, not " + Nodes.describe(keyNode));
        continue;
      }
      String name = key.getValue();
      NodeTuple first = entries.get(name);
      if (first != null) {
        issues.add(keyNode, label + "duplicate field '" + name + "' (first at line "
            + Nodes.line(first.getKeyNode()) + ")");
      } else if (!allowed.contains(name)) {
        issues.add(keyNode, label + "unknown field '" + name + "' (expected one of "
            + String.join(", ", allowed) + ")");
      } else {
        entries.put(name, tuple);
        issues.lines().put(child(name), Nodes.line(keyNode));
      }
    }
  }

  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  int line(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? Nodes.line(node) : Nodes.line(t.getKeyNode());
  }

  int line() {
    return Nodes.line(node);
  }

  /** The value of {@code key} unless it is absent or null. */
  Optional<Node> value(String key) {
    NodeTuple t = entries.get(key);
    if (t == null || Nodes.isNull(t.getValueNode())) {
      return Optional.empty();
    }
    return Optional.of(t.getValueNode());
  }

  String requiredText(String key) {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      issues.add(line(key), label + key + " is required");
      return null;
    }
    return text(key, v.get());
  }

  String optionalText(String key) {
    return value(key).map(v -> text(key, v)).orElse(null);
  }

  private String text(String key, Node v) {
    if (!(v instanceof ScalarNode scalar)) {
      issues.add(v, label + key + " must be text, not " + Nodes.describe(v));
      return null;
    }
    if (scalar.getValue().isBlank()) {
      issues.add(v, label + key + " must not be blank");
      return null;
    }
    return scalar.getValue().strip();
  }

  /** A required positive whole number; null (after reporting) when it is not one. */
  Integer requiredPositiveInt(String key) {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      issues.add(line(key), label + key + " is required");
      return null;
    }
    String raw = v.get() instanceof ScalarNode s ? s.getValue().strip() : null;
    if (raw == null || !raw.matches("[+-]?\\d{1,9}")) {
      issues.add(v.get(), label + key + " must be a positive whole number, not "
          + (raw == null ? Nodes.describe(v.get()) : "'" + raw + "'"));
      return null;
    }
    int n = Integer.parseInt(raw);
    if (n <= 0) {
      issues.add(v.get(), label + key + " must be positive, got " + n);
      return null;
    }
    return n;
  }

  /** A required list; empty (after reporting) when absent, empty or not a list. */
  List<Node> requiredList(String key) {
    Optional<Node> v = value(key);
    if (v.isEmpty()) {
      issues.add(line(key), label + key + " is required");
      return List.of();
    }
    return list(key, v.get(), true);
  }

  List<Node> optionalList(String key) {
    return value(key).map(v -> list(key, v, false)).orElse(List.of());
  }

  private List<Node> list(String key, Node v, boolean nonEmpty) {
    if (!(v instanceof SequenceNode seq)) {
      issues.add(v, label + key + " must be a list, not " + Nodes.describe(v));
      return List.of();
    }
    if (nonEmpty && seq.getValue().isEmpty()) {
      issues.add(v, label + key + " must not be empty");
    }
    return seq.getValue();
  }

  /** Text items of a required list; blank or non-text items are reported and left out. */
  List<String> requiredTextList(String key) {
    List<String> out = new java.util.ArrayList<>();
    for (Node item : requiredList(key)) {
      if (item instanceof ScalarNode s && !Nodes.isNull(s) && !s.getValue().isBlank()) {
        out.add(s.getValue().strip());
      } else {
        issues.add(item, label + "every item of " + key + " must be non-blank text");
      }
    }
    return out;
  }

}
