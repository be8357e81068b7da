package io.datarights.gdpr.internal;

import io.datarights.privacy.ExportSink;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ServiceOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Builds export packages. */
@Component
class ExportPackager {

  ServiceOutcome exportService(StoredRequest request, PersonalDataService service) {
    AtomicLong records = new AtomicLong();
    ServiceOutcome outcome =
        service.export(
            request.orgId(),
            request.terms(),
            new ExportSink() {
              @Override
              public void record(String recordType, String recordId, Map<String, Object> fields) {
                records.incrementAndGet();
              }

              @Override
              public void file(String recordId, String fileName, String contentType, long size, FileContent content) {}
            });
    return outcome;
  }

  String assemble(StoredRequest request, List<ServiceProgress> services) {
    return null;
  }
}
