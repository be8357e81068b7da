package io.datarights.bulkerasure.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A bulk erasure on the wire: its state, its progress chunk by chunk, each service's counts over
 * all chunks, and the verification. {@code subjectsPerSecond} counts from filing to completion
 * (or to now, over the chunks erased so far).
 */
record BulkErasureView(
    String id,
    String status,
    int subjects,
    List<BulkErasureServiceView> services,
    BulkErasureProgress progress,
    BulkErasureCreator createdBy,
    Instant createdDate,
    Instant startedDate,
    Instant completedDate,
    Double subjectsPerSecond,
    Boolean verifiedErased,
    Long stillFound,
    String errorReason,
    String selfUri) {

  static final String PATH = "/api/v2/gdpr/bulk-erasures";

  record BulkErasureServiceView(String name, String status, long matched, long deleted, long anonymized, long retained, String reason) {}

  /** Chunks erased (every service done), chunks verified, steps (chunk × service) done, percent of the work. */
  record BulkErasureProgress(int chunks, int chunksErased, int chunksVerified, int steps, int stepsDone, long subjectsErased, int percent) {}

  record BulkErasureCreator(String id, String name, String selfUri) {}

  static BulkErasureView of(StoredJob job, JobProgress progress, Instant now) {
    List<BulkErasureServiceView> services =
        progress.services().stream()
            .map(s -> new BulkErasureServiceView(
                s.name(), s.status(), s.matched(), s.deleted(), s.anonymized(), s.retained(),
                s.error() != null ? s.error() : s.reasons().isEmpty() ? null : String.join("; ", s.reasons())))
            .toList();
    int work = progress.steps() + progress.chunks() + 1;
    int done = progress.stepsDone() + progress.chunksVerified() + (job.status().finished() ? 1 : 0);
    boolean completed = job.status() == JobStatus.COMPLETED;
    long subjectsErased = completed ? job.subjects() : progress.subjectsErased();
    Instant until = job.completedAt() != null ? job.completedAt() : now;
    return new BulkErasureView(
        job.id().toString(),
        job.status().name(),
        job.subjects(),
        services,
        new BulkErasureProgress(
            progress.chunks(), progress.chunksErased(), progress.chunksVerified(), progress.steps(), progress.stepsDone(),
            subjectsErased, completed ? 100 : Math.min(99, done * 100 / work)),
        new BulkErasureCreator(job.createdByClient(), job.createdByName(), "/api/v2/oauth/clients/" + job.createdByClient()),
        job.createdAt(),
        job.startedAt(),
        job.completedAt(),
        rate(subjectsErased, job.createdAt(), until),
        job.verifiedErased(),
        job.stillFound(),
        job.errorReason(),
        PATH + "/" + job.id());
  }

  private static Double rate(long subjects, Instant from, Instant until) {
    long millis = Duration.between(from, until).toMillis();
    if (subjects == 0 || millis <= 0) {
      return null;
    }
    return Math.round(subjects * 10_000.0 / millis) / 10.0;
  }
}
