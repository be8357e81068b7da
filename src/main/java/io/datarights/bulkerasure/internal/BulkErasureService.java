package io.datarights.bulkerasure.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files bulk erasures: checks the file line by line, refuses a second job in flight (409) and
 * draws on the rate limit, then stores the job, its chunks and steps and schedules the first
 * chunks, all in one transaction.
 */
@Service
class BulkErasureService {

  private final BulkErasureRepository jobs;
  private final BulkErasureProcessor processor;
  private final DataServices services;
  private final IdentifierIndex index;
  private final RateLimits rateLimits;
  private final SchedulerClient scheduler;
  private final BulkErasureProperties properties;
  private final TransactionTemplate tx;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final Clock clock;

  BulkErasureService(
      BulkErasureRepository jobs,
      BulkErasureProcessor processor,
      DataServices services,
      IdentifierIndex index,
      RateLimits rateLimits,
      SchedulerClient scheduler,
      BulkErasureProperties properties,
      TransactionTemplate tx,
      org.springframework.context.ApplicationEventPublisher events,
      Clock clock) {
    this.jobs = jobs;
    this.processor = processor;
    this.services = services;
    this.index = index;
    this.rateLimits = rateLimits;
    this.scheduler = scheduler;
    this.properties = properties;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  StoredJob file(Caller caller, InputStream csv, Boolean deleteConfirmed) throws IOException {
    if (!Boolean.TRUE.equals(deleteConfirmed)) {
      throw ApiException.invalidValue("deleteConfirmed", "A bulk erasure needs deleteConfirmed=true: it erases data for good.");
    }
    OrgId org = caller.orgId();
    SubjectFile.Subjects subjects = SubjectFile.read(csv, index.regionOf(org), BulkErasureProperties.MAX_SUBJECTS);
    StoredJob job = tx.execute(status -> create(caller, subjects.identifiers()));
    return job;
  }

  private StoredJob create(Caller caller, List<Identifier> subjects) {
    OrgId org = caller.orgId();
    jobs.inFlight(org).ifPresent(running -> {
      throw inFlight(running);
    });
    rateLimits.consume(caller, RateLimitedAction.GDPR_BULK_ERASURE);
    List<List<Identifier>> chunks = chunks(subjects, properties.bulkErasureChunkSize());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    StoredJob job =
        new StoredJob(
            org, UUID.randomUUID(), JobStatus.INITIATED, subjects.size(), chunks.size(), caller.clientId(), caller.clientName(), now,
            null, null, null, null, null);
    try {
      jobs.insert(job);
    } catch (DuplicateKeyException e) {
      // Another job was filed at the same moment.
      throw inFlight(jobs.inFlight(org).orElse(null));
    }
    for (int i = 0; i < chunks.size(); i++) {
      jobs.insertChunk(org, job.id(), i, chunks.get(i));
    }
    jobs.insertSteps(org, job.id(), chunks.size(), services.names());
    List<TaskInstance<String>> first = new ArrayList<>();
    for (int i = 0; i < Math.min(chunks.size(), properties.bulkErasureParallelChunks()); i++) {
      first.addAll(processor.stepsOf(org, job.id(), i));
    }
    if (services.names().isEmpty()) {
      first.add(BulkErasureTasks.finish(org, job.id()));
    }
    BulkErasureTasks.schedule(scheduler, first, now);
    events.publishEvent(
        new AuditableEvent(
            org, "gdpr.bulk-erasure.created", caller.clientId(), "gdprBulkErasure", job.id().toString(),
            Map.of("subjects", Integer.toString(subjects.size()), "chunks", Integer.toString(chunks.size()))));
    return job;
  }

  private static List<List<Identifier>> chunks(List<Identifier> subjects, int size) {
    List<List<Identifier>> chunks = new ArrayList<>();
    for (int from = 0; from < subjects.size(); from += size) {
      chunks.add(subjects.subList(from, Math.min(subjects.size(), from + size)));
    }
    return chunks;
  }

  private static ApiException inFlight(UUID running) {
    return ApiException.conflict(
        "A bulk erasure of this organization is still running"
            + (running == null ? "" : " (" + running + ")")
            + ": one runs at a time. File this one when it has completed.");
  }
}
