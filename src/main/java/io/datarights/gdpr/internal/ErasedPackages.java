package io.datarights.gdpr.internal;

import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.PersonalDataService;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Export packages do not outlive the erasure of their subject. Before a service erases, the
 * records it is about to erase are listed (by the service's own export, which names each record as
 * a package does) and the exports holding any of them are noted; when the erasure completes, their
 * packages are deleted and their links answer 410. Records are compared by id, so an export by
 * e-mail and an erasure by contact id meet. A record kept under a legal hold still counts: the hold
 * keeps the original, not the copies handed out.
 */
@Component
class ErasedPackages {

  private final PackagedRecords records;
  private final PackageStore store;
  private final ApplicationEventPublisher events;

  ErasedPackages(PackagedRecords records, PackageStore store, ApplicationEventPublisher events) {
    this.records = records;
    this.store = store;
    this.events = events;
  }

  /**
   * Notes the exports that hold records this service is about to erase. Runs before the erasure
   * and writes at once, so a step run again after a crash (that finds nothing any more) keeps them.
   * Skipped (no listing) when no live export holds any record of the service.
   */
  void noteBeforeErasure(StoredRequest erasure, PersonalDataService service, ErasureExemptions exemptions) {
    OrgId org = erasure.orgId();
    if (!records.anyLiveExportHolds(org, service.name())) {
      return;
    }
    List<String> slice = new ArrayList<>();
    ExportSink ids =
        new ExportSink() {
          @Override
          public void record(String recordType, String recordId, Map<String, Object> fields) {
            slice.add(PackagedRecords.idOf(recordId));
            if (slice.size() == PackagedRecords.SLICE) {
              records.noteExportsHolding(org, erasure.id(), service.name(), slice);
              slice.clear();
            }
          }

          @Override
          public void file(String recordId, String fileName, String contentType, long size, FileContent content) {
            // the records name the package's contents; files are never opened here
          }
        };
    service.export(org, exemptions.withoutHeldRefs(erasure.terms()), ids);
    if (!slice.isEmpty()) {
      records.noteExportsHolding(org, erasure.id(), service.name(), slice);
    }
  }

  /**
   * Deletes the packages the erasure noted, before it is marked complete (deleting a file twice is
   * harmless; a package left on disk with no row pointing at it is not).
   */
  void deletePackages(OrgId org, UUID erasureId) {
    for (PackagedRecords.Package p : records.notedFor(org, erasureId)) {
      if (p.blob() != null) {
        store.delete(org, p.blob());
      }
    }
  }

  /**
   * In the erasure's completing transaction: marks the noted exports' results as erased and audits
   * each. Returns their packages, to delete once more after the commit (one may have been
   * completed since {@link #deletePackages}).
   */
  List<PackagedRecords.Package> markErased(OrgId org, UUID erasureId, Instant now) {
    List<PackagedRecords.Package> erased = records.markErased(org, erasureId, now);
    for (PackagedRecords.Package p : erased) {
      events.publishEvent(
          new AuditableEvent(org, "gdpr.export.package.erased", "system", "gdprRequest", p.exportId().toString(),
              Map.of("erasureRequestId", erasureId.toString())));
    }
    return erased;
  }

  void deleteAgain(OrgId org, List<PackagedRecords.Package> erased) {
    erased.stream().filter(p -> p.blob() != null).forEach(p -> store.delete(org, p.blob()));
  }
}
