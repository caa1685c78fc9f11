package dev.runbook.lessons.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects issues and the source lines of what was read. */
final class Issues {
  private final List<YamlIssue> list = new ArrayList<>();
  private final SourceLines lines = new SourceLines();

  void add(int line, String message) {
    list.add(new YamlIssue(line, message));
  }

  void add(Node node, String message) {
    add(Nodes.line(node), message);
  }

  List<YamlIssue> list() {
    return list;
  }

  SourceLines lines() {
    return lines;
  }
}
