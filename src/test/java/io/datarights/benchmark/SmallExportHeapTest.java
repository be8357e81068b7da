package io.datarights.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export-heap benchmark with 100 MB of files, in CI, so that it cannot rot. No figures are claimed from it. */
@Tag("slow")
class SmallExportHeapTest {

  @TempDir Path dataDir;

  @Test
  void aSubjectWithOneHundredMegabytesOfFilesIsExportedUnderTheHeapCap() throws Exception {
    ExportHeapBenchmark.Result result = ExportHeapBenchmark.run(100, dataDir);

    assertThat(result.files()).isEqualTo(4);
    assertThat(result.peakHeap()).as(result.toString()).isPositive().isLessThan(256L << 20);
  }
}
