package io.datarights.bulkerasure.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: checking a bulk erasure's file of 100,000 subjects (half e-mails, half phone numbers in
 * national format), line by line, before anything is filed — the part of a bulk erasure that runs
 * before the 202 (run by {@code benchmark/InProcessBenchmarks}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SubjectFileJmh {

  byte[] file;

  @Setup
  public void writeFile() {
    StringBuilder csv = new StringBuilder("type,value\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append(i % 2 == 0 ? "EMAIL,Subject" + i + "@Example.com\n" : String.format(Locale.ROOT, "PHONE,0151 1%07d%n", i));
    }
    file = csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public Object checkOneHundredThousandSubjects() throws IOException {
    return SubjectFile.read(new ByteArrayInputStream(file), "DE", 100_000);
  }
}
