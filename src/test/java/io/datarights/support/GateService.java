package io.datarights.support;

import io.datarights.identifiers.Identifier;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.OrgId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;

/**
 * A test-only service that holds no data but lets a test hold requests in flight: while the gate
 * is closed, its steps wait (up to a minute) before they finish.
 */
public class GateService implements PersonalDataService {

  public static final String NAME = "zz-test-gate";

  private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

  public void close() {
    gate.set(new CountDownLatch(1));
  }

  public void open() {
    failing = false;
    gate.get().countDown();
  }

  /** Every step fails until the gate is opened again, as a service whose store is down would. */
  public void failEverything() {
    failing = true;
  }

  private volatile boolean failing;

  private void pass() {
    if (failing) {
      throw new IllegalStateException("the test gate fails every step");
    }
    try {
      gate.get().await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      // Like a service cut off mid-way: the step fails and must be run again.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the gate was closed", e);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public InventoryEntry inventory() {
    return new InventoryEntry(NAME, "test gate", List.of(), List.of(), List.of(), "none", List.of(), "none", "tests", ErasureMode.NONE);
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Identifier identifier) {
    return List.of();
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, java.util.Collection<String> indexedRecordIds) {
    return List.of();
  }

  @Override
  public Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref) {
    return Optional.empty();
  }

  @Override
  public ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink) {
    pass();
    return ServiceOutcome.nothingFound();
  }

  @Override
  public ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements) {
    pass();
    return ServiceOutcome.nothingFound();
  }

  @Override
  public ServiceOutcome erase(OrgId org, SubjectTerms terms) {
    pass();
    return ServiceOutcome.nothingFound();
  }

  @Override
  public long remaining(OrgId org, SubjectTerms terms) {
    return 0;
  }
}
