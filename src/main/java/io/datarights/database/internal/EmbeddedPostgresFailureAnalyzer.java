package io.datarights.database.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded PostgreSQL's start-up failure as what happened and what to do, without a stack trace. */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
