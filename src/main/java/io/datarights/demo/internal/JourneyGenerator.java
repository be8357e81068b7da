package io.datarights.demo.internal;

import io.datarights.journey.BulkVisitor;
import io.datarights.journey.JourneyBulkLoad;
import io.datarights.shared.OrgId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Web visitors who consented to tracking: the first people, who left their e-mail in a form. */
@Component
class JourneyGenerator {

  private static final int BATCH = 500;

  private final JourneyBulkLoad journeys;
  private final TransactionTemplate tx;

  JourneyGenerator(JourneyBulkLoad journeys, TransactionTemplate tx) {
    this.journeys = journeys;
    this.tx = tx;
  }

  static String cookieId(long seed, long n) {
    return "cookie-" + seed + "-" + n;
  }

  void generate(OrgId org, long seed, long count, Consumer<String> out) {
    Progress progress = new Progress("journey", count, out);
    List<BulkVisitor> batch = new ArrayList<>();
    for (long n = 0; n < count; n++) {
      FakePeople.Person p = FakePeople.person(seed, n);
      batch.add(new BulkVisitor(cookieId(seed, n), Map.of("email", p.email(), "firstName", p.firstName()),
          List.of("https://shop.example/products/" + (n % 50), "https://shop.example/cart")));
      if (batch.size() >= BATCH) {
        flush(org, batch);
        progress.update(n + 1);
      }
    }
    flush(org, batch);
    progress.update(count);
  }

  private void flush(OrgId org, List<BulkVisitor> batch) {
    if (!batch.isEmpty()) {
      List<BulkVisitor> copy = List.copyOf(batch);
      tx.executeWithoutResult(status -> journeys.load(org, copy));
      batch.clear();
    }
  }
}
