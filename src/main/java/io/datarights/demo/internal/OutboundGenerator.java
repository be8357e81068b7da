package io.datarights.demo.internal;

import io.datarights.outbound.OutboundBulkLoad;
import io.datarights.shared.OrgId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A dialer campaign list of the first people, written as a CSV file and imported through the
 * outbound module's own import, with the phone in national format as a spreadsheet would hold it.
 */
@Component
class OutboundGenerator {

  private static final List<String> COLUMNS = List.of("firstName", "lastName", "phone", "email");

  private final OutboundBulkLoad outbound;

  OutboundGenerator(OutboundBulkLoad outbound) {
    this.outbound = outbound;
  }

  void generate(OrgId org, long seed, long rows, Consumer<String> out) {
    if (rows == 0) {
      return;
    }
    Progress progress = new Progress("dialer", rows, out);
    Path file = null;
    try {
      file = Files.createTempFile("datarights-dialer", ".csv");
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
        for (long n = 0; n < rows; n++) {
          FakePeople.Person p = FakePeople.person(seed, n);
          csv.printRecord(p.firstName(), p.lastName(), p.phoneNational(), p.email());
        }
      }
      try (InputStream in = Files.newInputStream(file)) {
        outbound.importList(org, "Campaign " + seed, COLUMNS, "phone", "email", in);
      }
      progress.update(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        file.toFile().delete();
      }
    }
  }
}
