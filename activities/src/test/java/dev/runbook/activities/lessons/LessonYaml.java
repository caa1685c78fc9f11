package dev.runbook.activities.lessons;

/**
 * Lesson files for tests, one lesson in the shapes a content author changes it: 1.0.0 has an
 * introduction, a live example and an explanation; a patch rewords the introduction, a minor adds
 * key takeaways, a major drops the explanation.
 */
record LessonYaml(String id, String version, String intro, boolean explanation, boolean takeaways) {
  static final String ID = "stock_basics_001";

  static LessonYaml v100() {
    return new LessonYaml(ID, "1.0.0", "A share is a piece of a company.", true, false);
  }

  static String text(String version) {
    return switch (version) {
      case "1.0.0" -> v100().text();
      case "1.0.1" -> v100().version("1.0.1").intro("A share is a small piece of a company.").text();
      case "1.1.0", "1.2.0" -> v100().version(version).takeaways(true).text();
      case "2.0.0", "2.0.1", "2.1.0" -> v100().version(version).explanation(false).takeaways(true).text();
      default -> throw new IllegalArgumentException(version);
    };
  }

  LessonYaml version(String v) {
    return new LessonYaml(id, v, intro, explanation, takeaways);
  }

  LessonYaml intro(String text) {
    return new LessonYaml(id, version, text, explanation, takeaways);
  }

  LessonYaml explanation(boolean on) {
    return new LessonYaml(id, version, intro, on, takeaways);
  }

  LessonYaml takeaways(boolean on) {
    return new LessonYaml(id, version, intro, explanation, on);
  }

  LessonYaml id(String newId) {
    return new LessonYaml(newId, version, intro, explanation, takeaways);
  }

  String text() {
    return "id: " + id + "\n"
        + "version: \"" + version + "\"\n"
        + "title: \"Understanding Stock Prices\"\n"
        + "category: fundamentals\n"
        + "changelog:\n"
        + "  - version: \"" + version + "\"\n"
        + "    date: \"2024-11-20\"\n"
        + "    changes:\n"
        + "      - \"Changes of " + version + "\"\n"
        + "sections:\n"
        + "  - type: introduction\n"
        + "    content: \"" + intro + "\"\n"
        + "  - type: live_example\n"
        + "    content: \"Apple is bid at {{AAPL.bid}}.\"\n"
        + "    data:\n"
        + "      - {symbol: AAPL, field: bid}\n"
        + (explanation ? "  - type: explanation\n    content: \"Buyers bid, sellers ask.\"\n" : "")
        + (takeaways ? "  - type: key_takeaways\n    content: \"The spread is a cost.\"\n" : "")
        + "quiz:\n"
        + "  - id: q1\n"
        + "    question: \"Who posts the bid?\"\n"
        + "    options: [\"A buyer\", \"A seller\"]\n"
        + "    correct_answer: \"A buyer\"\n"
        + "    xp: 10\n";
  }
}
