package dev.runbook.sandbox.lessons;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which percentage bucket (0..99) a learner falls in for a flag. Stable: a learner's bucket never
 * changes, so raising a flag from 10% to 50% keeps everyone who had the new version and adds
 * more, and nobody flips back and forth between versions. The flag name is part of the input so
 * two flags do not pick the same learners.
 *
 * <p>Exactly: the first four bytes of SHA-256 over the UTF-8 text {@code flagName + ":" + userId},
 * read as a big-endian unsigned integer, modulo 100. Anyone (a runbook activity forecasting who is
 * affected) can compute the same number.
 */
public final class FlagBuckets {

  private FlagBuckets() {}

  public static int bucket(String userId, String flagName) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((flagName + ":" + userId).getBytes(StandardCharsets.UTF_8));
      long unsigned = ByteBuffer.wrap(digest, 0, 4).getInt() & 0xFFFF_FFFFL;
      return (int) (unsigned % 100);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether {@code userId} gets the flag's version at {@code percentage}%. */
  public static boolean served(String userId, LessonFlag flag) {
    return bucket(userId, flag.name()) < flag.percentage();
  }
}
