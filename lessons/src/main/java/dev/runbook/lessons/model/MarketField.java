package dev.runbook.lessons.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The quote fields a live example may show; {@link #yamlName()} is how a lesson file spells them. */
public enum MarketField {
  PRICE("price"),
  BID("bid"),
  ASK("ask"),
  BID_SIZE("bid_size"),
  ASK_SIZE("ask_size"),
  SPREAD("spread"),
  VOLUME("volume"),
  OPEN("open"),
  HIGH("high"),
  LOW("low"),
  PREVIOUS_CLOSE("previous_close"),
  CHANGE_PERCENT("change_percent");

  private final String yamlName;

  MarketField(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  public static Optional<MarketField> fromYaml(String name) {
    return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst();
  }

  public static String yamlNames() {
    return Arrays.stream(values()).map(MarketField::yamlName).collect(Collectors.joining(", "));
  }
}
