package io.datarights.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A failed start of the embedded PostgreSQL is reported as what happened and what to do. */
class EmbeddedPostgresFailureAnalyzerTest {

  @Test
  void aFailedStartDeepInsideTheContextIsReportedAsItsMessageAndAction() {
    EmbeddedPostgresException cause = new EmbeddedPostgresException(
        "The embedded PostgreSQL in /srv/data/pg did not start: Gave up waiting.", "Check that the disk has room.",
        new IOException("Gave up waiting"));
    BeanCreationException failure = new BeanCreationException("dataSource", "Cannot create", new BeanCreationException("embeddedPostgres", "x", cause));

    FailureAnalysis analysis = new EmbeddedPostgresFailureAnalyzer().analyze(failure);

    assertThat(analysis.getDescription()).isEqualTo("The embedded PostgreSQL in /srv/data/pg did not start: Gave up waiting.");
    assertThat(analysis.getAction()).isEqualTo("Check that the disk has room.");
  }
}
