package dev.runbook.activities.snapshot;

import dev.runbook.activities.support.Json;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a run's snapshot lives: {@code <dir>/<workflow id>--<run id>.dump} (characters a file name
 * should not carry become '_') and its record beside it as {@code .json}. The record is written
 * last and atomically, so "the record exists" means "the dump is complete"; a dump is written to a
 * partial file of its own attempt and renamed into place only when pg_dump succeeded.
 */
final class SnapshotFiles {
  private final Path dir;

  SnapshotFiles(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dump(SnapshotRequest r) {
    return dir.resolve(baseName(r) + ".dump");
  }

  Path record(SnapshotRequest r) {
    return dir.resolve(baseName(r) + ".json");
  }

  /** A fresh partial file for one dump attempt; earlier attempts' partial files are removed. */
  Path partial(SnapshotRequest r) throws IOException {
    Files.createDirectories(dir);
    String prefix = baseName(r) + ".dump.partial-";
    try (Stream<Path> files = Files.list(dir)) {
      for (Path old : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        Files.deleteIfExists(old); // a crashed attempt's pg_dump, if still alive, writes to an unlinked file
      }
    }
    return dir.resolve(prefix + UUID.randomUUID());
  }

  /** The completed snapshot's record, or null when there is none (never taken, or cut short). */
  SnapshotRecord completed(SnapshotRequest r) throws IOException {
    Path record = record(r);
    Path dump = dump(r);
    if (!Files.isRegularFile(record) || !Files.isRegularFile(dump)) {
      return null;
    }
    SnapshotRecord recorded = Json.MAPPER.readValue(record.toFile(), SnapshotRecord.class);
    if (Files.size(dump) != recorded.sizeBytes()) {
      throw new IOException("snapshot " + dump + " is " + Files.size(dump) + " bytes but its record says "
          + recorded.sizeBytes() + ": the file was changed after it was taken");
    }
    return recorded;
  }

  void keep(Path partial, SnapshotRequest r, SnapshotRecord record) throws IOException {
    Files.move(partial, dump(r), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Path tmp = dir.resolve(baseName(r) + ".json.tmp");
    Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record),
        StandardCharsets.UTF_8);
    Files.move(tmp, record(r), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * A database name for the run's scratch copy: lower-case, within Postgres's 63 bytes, and the
   * same for every attempt of the run (a hash of workflow id and run id).
   */
  static String scratchDatabase(SnapshotRequest r) {
    return "rehearsal_" + sha256(r.workflowId() + "\n" + r.runId()).substring(0, 16);
  }

  private static String baseName(SnapshotRequest r) {
    return safe(r.workflowId()) + "--" + safe(r.runId());
  }

  private static String safe(String part) {
    return part.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
