package io.datarights.database.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the lock failure into a short start-up message instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Stop the other server, or give this one its own directory with DATARIGHTS_DATA_DIR, "
            + "or point both at one shared PostgreSQL with DATARIGHTS_DB_URL.",
        cause);
  }
}
