package io.datarights.benchmark;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service benchmark in a small configuration, in CI, so that it cannot rot. No figures are claimed from it. */
@Tag("slow")
class SmallServiceBenchmarkTest {

  @TempDir Path dataDir;

  @Test
  void theBenchmarkRunsEndToEnd() throws Exception {
    ServiceBenchmark.run(new ServiceBenchmark.Config(1_000, List.of(10, 100), 200), dataDir);
  }
}
