package dev.runbook.sandbox.platform;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The two slots of a blue-green service. Spelled lowercase on the wire ({@code "green"}). */
public enum Colour {
  BLUE,
  GREEN;

  /** The wire name, e.g. {@code blue}. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The colour that receives the rest of the traffic. */
  public Colour other() {
    return this == BLUE ? GREEN : BLUE;
  }

  /** Parses a wire name; unknown names give empty so callers can answer 404 with a clear message. */
  public static Optional<Colour> parse(String id) {
    for (Colour colour : values()) {
      if (colour.id().equals(id)) {
        return Optional.of(colour);
      }
    }
    return Optional.empty();
  }
}
