package io.datarights.shared;

import org.slf4j.MDC;

/** The id of the request being served; in every log line and as {@code contextId} in errors. */
public final class RequestContext {

  public static final String MDC_KEY = "contextId";
  /** Genesys' correlation header, echoed so that clients can quote it to support. */
  public static final String HEADER = "ININ-Correlation-Id";

  private RequestContext() {}

  public static String currentId() {
    return MDC.get(MDC_KEY);
  }
}
