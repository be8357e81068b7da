package io.datarights.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of the in-process parts (the {@code *Jmh} classes: identifier
 * normalization, the bulk erasure file check) in a forked JVM; results in
 * {@code target/benchmarks/jmh.txt}. {@code ./mvnw test -Pbenchmark -Dtest=InProcessBenchmarks}.
 * {@link #quick} runs each for a moment in CI, so that they cannot rot; no figures come from it.
 */
class InProcessBenchmarks {

  @Test
  @Tag("benchmark")
  void measure() throws Exception {
    run(options().warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2)),
        Path.of("target", "benchmarks", "jmh.txt"));
  }

  @Test
  @Tag("slow")
  void quick() throws Exception {
    run(options().warmupIterations(1).warmupTime(TimeValue.milliseconds(200)).measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(200)), Path.of("target", "benchmarks", "jmh-quick.txt"));
  }

  private static ChainedOptionsBuilder options() {
    return new OptionsBuilder().include("io\\.datarights\\..*Jmh\\..*").forks(1).jvmArgsAppend("-Xmx512m");
  }

  private static void run(ChainedOptionsBuilder options, Path results) throws Exception {
    Files.createDirectories(results.getParent());
    Collection<RunResult> ran = new Runner(options.resultFormat(ResultFormatType.TEXT).result(results.toString()).build()).run();
    assertThat(ran).hasSize(5);
    assertThat(ran).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
