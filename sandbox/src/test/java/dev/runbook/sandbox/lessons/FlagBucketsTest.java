package dev.runbook.sandbox.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FlagBucketsTest {

  @Test
  void isTheDocumentedHashSoOthersCanComputeIt() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest("lesson_v2_stock_basics_001:learner-000042".getBytes(StandardCharsets.UTF_8));
    long expected = (ByteBuffer.wrap(digest).getInt() & 0xFFFFFFFFL) % 100;

    assertThat(FlagBuckets.bucket("learner-000042", "lesson_v2_stock_basics_001")).isEqualTo((int) expected);
  }

  @Test
  void spreadsLearnersEvenlyAndDependsOnTheFlag() {
    int[] counts = new int[100];
    IntStream.rangeClosed(1, 20_000).forEach(i -> counts[FlagBuckets.bucket(String.format("learner-%06d", i), "f")]++);
    long underTen = IntStream.range(0, 10).mapToLong(b -> counts[b]).sum();

    assertThat(IntStream.of(counts).min().orElseThrow()).isPositive();
    assertThat(underTen / 20_000.0).isBetween(0.09, 0.11);
    long same = IntStream.rangeClosed(1, 1000).filter(i ->
        FlagBuckets.bucket("u" + i, "a") == FlagBuckets.bucket("u" + i, "b")).count();
    assertThat(same).isLessThan(50);
  }
}
