package io.datarights.reliability;

import java.util.UUID;

/** The kinds of objects an org holds that an API path can name. */
enum ObjectKind {
  USER(true),
  EXTERNAL_CONTACT(true),
  /** The canonical contact of a merge set (named in merge bodies, not in paths). */
  MERGED_CONTACT(true),
  CONTACT_LIST(true),
  DIALER_CONTACT(true),
  CONVERSATION(true),
  /** Participant ids are chosen by the client that creates the conversation. */
  PARTICIPANT(false),
  ATTACHMENT(true),
  /** A journey customer is named by the web site's own key (type and cookie id), not by an id we issue. */
  JOURNEY_CUSTOMER_TYPE(false),
  JOURNEY_CUSTOMER(false),
  JOURNEY_SESSION(true),
  FLOW(true),
  GDPR_REQUEST(true),
  BULK_ERASURE(true),
  OAUTH_CLIENT(true),
  RECIPIENT(true),
  PII_SCAN(true),
  LEGAL_HOLD(true),
  /** DPIA versions are numbered per org: A's latest number is one that B does not have. */
  DPIA_VERSION(true);

  /**
   * Whether the server issued the id: then another org naming it must be refused. A key the client
   * chose (a cookie id) may exist in several orgs, each org's record its own.
   */
  final boolean serverIssued;

  ObjectKind(boolean serverIssued) {
    this.serverIssued = serverIssued;
  }

  /** A value of this kind that names nothing in any org: the control of the sweeps. */
  String nonexistent() {
    return switch (this) {
      case JOURNEY_CUSTOMER_TYPE -> "cookie";
      case JOURNEY_CUSTOMER -> "ck-" + UUID.randomUUID();
      case DPIA_VERSION -> "999";
      default -> UUID.randomUUID().toString();
    };
  }
}
