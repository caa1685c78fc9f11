package dev.runbook.workflows.api;

import java.util.Map;

/**
 * A payload record that keeps the JSON fields it does not know instead of dropping them, so that
 * decoding stays lenient (old histories replay) while a check can still name them
 * ({@link InputShape#unknownFieldProblems}).
 */
public interface HasUnknownFields {

  /** Fields of the JSON object that match no record component, in arrival order; never null. */
  Map<String, Object> unknownFields();
}
