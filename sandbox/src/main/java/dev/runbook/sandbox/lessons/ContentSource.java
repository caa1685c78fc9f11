package dev.runbook.sandbox.lessons;

import java.sql.SQLException;

/** Where a session gets a stored version's parsed content (the cache, backed by the store). */
@FunctionalInterface
public interface ContentSource {
  LoadedLesson load(StoredVersion version) throws SQLException;
}
