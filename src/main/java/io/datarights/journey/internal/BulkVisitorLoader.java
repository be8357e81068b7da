package io.datarights.journey.internal;

import io.datarights.journey.BulkVisitor;
import io.datarights.journey.JourneyBulkLoad;
import io.datarights.shared.OrgId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class BulkVisitorLoader implements JourneyBulkLoad {

  private final JourneyService journeys;

  BulkVisitorLoader(JourneyService journeys) {
    this.journeys = journeys;
  }

  @Override
  @Transactional
  public void load(OrgId org, List<BulkVisitor> visitors) {
    for (BulkVisitor v : visitors) {
      journeys.recordConsent(org, new CustomerKey(CustomerKey.COOKIE, v.cookieId()), true);
      boolean first = true;
      for (String url : v.pageUrls()) {
        // Traits are sent once, with the first page, as a tracking snippet would after a form.
        Map<String, String> traits = first ? v.traits() : Map.of();
        journeys.addEvent(org, new EventBody(v.cookieId(), CustomerKey.COOKIE, null, "page_viewed", new EventBody.Page(url, "Page"), traits, null));
        first = false;
      }
    }
  }
}
