package io.datarights.scanner.internal;

import io.datarights.contacts.CustomFieldKeys;
import io.datarights.conversations.UnlinkedParticipantAttributes;
import io.datarights.directory.PersonalStatuses;
import io.datarights.flows.FlowText;
import io.datarights.flows.Flows;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.security.PlatformSecrets;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.Hmac;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans one org's unsearched places for a queued run, place after place, committing findings and
 * progress in batches: no scan holds one long transaction, and the progress shows while it runs. A
 * run interrupted (crash, failure) starts over when its task runs again.
 */
@Service
class PiiScanner {

  static final String COMPLETED = "governance.piiScan.completed";
  /** The platform secret that keys the hashes of found values. */
  static final String HASH_SECRET = "pii-scanner-findings";
  /** The places scanned, in order, by the service name their findings carry. */
  static final List<String> PLACES = List.of("flows", "directory", "externalContacts", "conversations");
  /** Findings, or records, after which a batch is committed with the progress. */
  private static final int FLUSH_EVERY = 500;

  private final Flows flows;
  private final PersonalStatuses statuses;
  private final CustomFieldKeys customFieldKeys;
  private final UnlinkedParticipantAttributes attributes;
  private final IdentifierIndex index;
  private final Detectors detectors;
  private final ScanRepository repository;
  private final PlatformSecrets secrets;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PiiScanner(
      Flows flows, PersonalStatuses statuses, CustomFieldKeys customFieldKeys, UnlinkedParticipantAttributes attributes,
      IdentifierIndex index, Detectors detectors, ScanRepository repository, PlatformSecrets secrets,
      TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
    this.flows = flows;
    this.statuses = statuses;
    this.customFieldKeys = customFieldKeys;
    this.attributes = attributes;
    this.index = index;
    this.detectors = detectors;
    this.repository = repository;
    this.secrets = secrets;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /** Runs the scan of a queued (or interrupted) run to its end; a run already ended is left alone. */
  void run(OrgId org, UUID runId) {
    Boolean started = tx.execute(status -> repository.restart(org, runId, PLACES.get(0), now()));
    if (!Boolean.TRUE.equals(started)) {
      return;
    }
    var scan = new Scan(org, runId, index.regionOf(org), secrets.get(HASH_SECRET));

    flows.forEach(org, scan::flow);
    scan.placeDone();
    statuses.forEach(org, status -> scan.record("directory", status.userId()).text("personalStatus", status.text()));
    scan.placeDone();
    customFieldKeys.forEach(org, contact -> {
      var record = scan.record("externalContacts", contact.contactId());
      contact.keys().forEach(key -> record.text("customFields.key", key));
    });
    scan.placeDone();
    attributes.forEach(org, participant -> {
      var record = scan.record("conversations", participant.conversationId());
      String prefix = "participants[" + participant.position() + "].attributes";
      // Sorted, so that findings come in a stable order.
      new TreeMap<>(participant.attributes()).forEach((key, value) -> {
        boolean keyHolds = record.text(prefix + " (key)", key);
        // A key that holds personal data must not become part of the path.
        record.text(keyHolds ? prefix + ".*" : prefix + "." + key, value);
      });
    });
    scan.placeDone();

    tx.executeWithoutResult(status -> {
      if (!repository.complete(org, runId, now(), scan.records, scan.findings)) {
        return;
      }
      ScanRun run = repository.findRun(org, runId).orElseThrow();
      events.publishEvent(
          new AuditableEvent(org, COMPLETED, run.startedBy(), "piiScan", runId.toString(), counts(run, scan.byKind)));
    });
  }

  private static Map<String, String> counts(ScanRun run, Map<DetectorKind, Integer> byKind) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("trigger", run.trigger());
    details.put("recordsScanned", String.valueOf(run.recordsScanned()));
    details.put("findings", String.valueOf(run.findingsCount()));
    byKind.forEach((kind, n) -> details.put("findings." + kind.name().toLowerCase(), String.valueOf(n)));
    return details;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The state of one scan: findings waiting to be written and the counts. */
  private final class Scan {
    final OrgId org;
    final UUID runId;
    final String region;
    final byte[] hashKey;
    final List<Finding> pending = new ArrayList<>();
    final Map<DetectorKind, Integer> byKind = new EnumMap<>(DetectorKind.class);
    int records;
    int findings;
    int placesScanned;
    /** Records since the last commit: a place without findings shows its progress too. */
    int unflushedRecords;

    Scan(OrgId org, UUID runId, String region, byte[] hashKey) {
      this.org = org;
      this.runId = runId;
      this.region = region;
      this.hashKey = hashKey;
    }

    void flow(FlowText flow) {
      var record = record("flows", flow.flowId());
      record.text("name", flow.name());
      record.text("description", flow.description());
      for (int i = 0; i < flow.promptTexts().size(); i++) {
        record.text("promptTexts[" + i + "]", flow.promptTexts().get(i));
      }
    }

    RecordScan record(String service, String recordId) {
      records++;
      if (++unflushedRecords >= FLUSH_EVERY) {
        flush();
      }
      return new RecordScan(this, service, recordId);
    }

    void add(Finding finding) {
      pending.add(finding);
      findings++;
      byKind.merge(finding.kind(), 1, Integer::sum);
      if (pending.size() >= FLUSH_EVERY) {
        flush();
      }
    }

    void placeDone() {
      placesScanned++;
      flush();
    }

    /** Commits the pending findings with the progress, in one short transaction. */
    void flush() {
      String scanning = placesScanned < PLACES.size() ? PLACES.get(placesScanned) : null;
      tx.executeWithoutResult(status -> {
        repository.insertFindings(org, runId, pending);
        repository.progress(org, runId, placesScanned, scanning, records, findings);
      });
      pending.clear();
      unflushedRecords = 0;
    }
  }

  private final class RecordScan {
    private final Scan scan;
    private final String service;
    private final String recordId;

    RecordScan(Scan scan, String service, String recordId) {
      this.scan = scan;
      this.service = service;
      this.recordId = recordId;
    }

    /** @return whether the text held personal data */
    boolean text(String fieldPath, String text) {
      var found = detectors.detect(scan.org, scan.region, text);
      for (Detection d : found) {
        String hash = Hmac.sha256(scan.hashKey, d.kind().name() + ":" + d.normalized());
        scan.add(new Finding(service, recordId, fieldPath, d.kind(), d.masked(), hash));
      }
      return !found.isEmpty();
    }
  }
}
