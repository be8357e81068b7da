package io.datarights.gdpr.internal;

import java.util.Set;

/** The Genesys request statuses, in the order a request moves through them. */
enum RequestStatus {
  INITIATED,
  SEARCHING,
  UPDATING,
  DELETING,
  FINALIZING,
  COMPLETED,
  ERROR;

  static final Set<RequestStatus> FINISHED = Set.of(COMPLETED, ERROR);

  boolean finished() {
    return FINISHED.contains(this);
  }

  /** The status while services work: searching for exports, else what is being done. */
  static RequestStatus working(RequestType type) {
    return switch (type) {
      case GDPR_EXPORT -> SEARCHING;
      case GDPR_UPDATE -> UPDATING;
      case GDPR_DELETE -> DELETING;
    };
  }
}
