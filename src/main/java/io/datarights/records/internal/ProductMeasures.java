package io.datarights.records.internal;

import java.util.List;

/**
 * The technical and organisational measures that Datarights itself takes, for every service alike.
 * Each says only what the product does; what it leaves to the deployment is listed apart, so that
 * no document claims more than is true.
 */
final class ProductMeasures {

  static final List<Measure> ALL =
      List.of(
          new Measure(
              "tenant-isolation",
              "Tenant isolation",
              "Every stored row belongs to exactly one organization and every query is scoped by the organization of the"
                  + " calling client; another organization's objects are answered as not found."),
          new Measure(
              "access-control",
              "Access control per client",
              "API clients authenticate with OAuth2 client credentials and hold only the permissions granted to them;"
                  + " a client cannot grant a permission it does not hold itself."),
          new Measure(
              "hashed-client-secrets",
              "Hashed client secrets",
              "Client secrets are shown once, when the client is created, and stored only as bcrypt hashes."),
          new Measure(
              "signed-tokens",
              "Signed, expiring access tokens",
              "Access tokens are RS256-signed JWTs that expire (after 24 hours by default); there are no refresh tokens."),
          new Measure(
              "hash-chained-audit-log",
              "Tamper-evident audit log",
              "Security-relevant and GDPR actions are appended to a per-organization SHA-256 hash chain in the same"
                  + " transaction as the action; an edited, deleted or reordered entry is detected by"
                  + " GET /api/v2/audits/verification and the 'audit verify' command."),
          new Measure(
              "pseudonymous-audit-subjects",
              "Pseudonymous audit subjects",
              "Data subjects appear in the audit trail only as keyed (HMAC) pseudonyms, never by name or identifier,"
                  + " so that an erased person does not survive in it."),
          new Measure(
              "signed-expiring-export-links",
              "Signed, expiring export links",
              "Export packages (Art. 15 and 20) are downloaded through HMAC-signed links that expire (after 7 days by"
                  + " default); expired packages are deleted."),
          new Measure(
              "verified-erasure",
              "Verified erasure",
              "After an erasure every service is searched again for the subject and the request records whether"
                  + " nothing remains (verifiedErased); erasure steps are idempotent and resume after a crash."),
          new Measure(
              "rate-limits",
              "Rate limits",
              "Creating GDPR requests and searching for subjects are rate-limited per organization and per client (10"
                  + " request creations and 60 subject searches a minute by default)."),
          new Measure(
              "no-internals-in-errors",
              "No internals in error responses",
              "Error responses carry a correlation id but never a stack trace or SQL."));

  /** What the product does not do itself and the operator must provide. */
  static final List<String> LEFT_TO_THE_DEPLOYMENT =
      List.of(
          "Encryption in transit (TLS): Datarights serves plain HTTP and is meant to run behind a TLS-terminating proxy.",
          "Encryption at rest of the database and of stored files (disk or database encryption).",
          "Backups and their protection.",
          "Physical and organisational security of the hosting environment, staff training and the management of API"
              + " client credentials.");

  private ProductMeasures() {}
}
