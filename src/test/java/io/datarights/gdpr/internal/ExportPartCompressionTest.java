package io.datarights.gdpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files go into an export part as they are (photos and recordings are compressed already; deflating
 * gigabytes of them twice was most of a large export's time), while records are compressed.
 */
class ExportPartCompressionTest {

  @TempDir Path scratch;

  @Test
  void filesAreStoredUncompressedAndRecordsCompressed() throws Exception {
    byte[] compressible = new byte[200_000]; // zeros: deflate would shrink them to almost nothing
    Path file;
    try (ExportPart part = new ExportPart("conversations", new ObjectMapper(), scratch)) {
      for (int i = 0; i < 500; i++) {
        part.record("conversation", "c-" + i, Map.of("subject", "The same words again and again " + i));
      }
      part.file("c-1", "scan.pdf", "application/pdf", compressible.length, () -> new ByteArrayInputStream(compressible));
      file = part.finish();
    }

    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry scan = zip.getEntry("files/conversations/c-1/scan.pdf");
      assertThat(scan.getSize()).isEqualTo(compressible.length);
      assertThat(scan.getCompressedSize()).as("stored as it is").isGreaterThanOrEqualTo(compressible.length);
      ZipEntry records = zip.getEntry("conversations.json");
      assertThat(records.getCompressedSize()).as("records deflated").isLessThan(records.getSize() / 3);
      assertThat(zip.getInputStream(scan).readAllBytes()).isEqualTo(compressible);
    }
  }
}
