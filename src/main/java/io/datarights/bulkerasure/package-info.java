/**
 * Bulk erasure, an extension of the GDPR API ({@code /api/v2/gdpr/bulk-erasures}): a CSV file of
 * up to 100,000 subjects (e-mail addresses, phone numbers, social handles, external ids) erased in
 * chunks, each chunk in one set-based erasure per personal-data service, durably (db-scheduler
 * steps with retries), with legal holds respected, each chunk verified, audited with the subjects'
 * pseudonyms, rate limited and one job per org at a time.
 */
package io.datarights.bulkerasure;
