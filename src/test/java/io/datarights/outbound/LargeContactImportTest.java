package io.datarights.outbound;

import static io.datarights.outbound.OutboundFixtures.contacts;
import static io.datarights.outbound.OutboundFixtures.createList;
import static io.datarights.outbound.OutboundFixtures.importCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 100,000-row CSV import end to end (about 6.5 MB over HTTP, 300,000 index entries). Tagged slow:
 * on the shared 2-core build machine it took 30 to 40 s; the elapsed time is printed, not asserted.
 */
@Tag("slow")
class LargeContactImportTest extends IntegrationTest {

  private static final int ROWS = 100_000;

  @Autowired IdentifierIndex index;

  @Test
  void importsAHundredThousandRowsAndFindsOneByItsPhoneNumber() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Big campaign");
    byte[] csv = generated(ROWS);

    long start = System.nanoTime();
    Api.Response response = importCsv(acme.api(), list, csv);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Imported %d rows (%d KB of CSV) in %d ms%n", ROWS, csv.length / 1024, millis);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("imported").asLong()).isEqualTo(ROWS);
    assertThat(count("outbound_contacts")).isEqualTo(ROWS);
    OrgId org = OrgId.of(acme.orgId());
    List<String> found = index.lookup(org, IdentifierKind.PHONE, "+49 30 10077777", "outbound");
    assertThat(found).hasSize(1);
    Api.Response contact = acme.api().get(contacts(list) + "/" + found.get(0));
    assertThat(contact.json().get("data").get("email").asText()).isEqualTo("person77777@example.com");
    assertThat(index.lookup(org, IdentifierKind.NAME, "Last77777 First77777", "outbound")).isEqualTo(found);
  }

  private static byte[] generated(int rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 80);
    out.writeBytes("firstName,lastName,phone,email,notes\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < rows; i++) {
      String row = "First" + i + ",Last" + i + ",030 " + (10_000_000 + i) + ",person" + i + "@example.com,row " + i + "\n";
      out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
