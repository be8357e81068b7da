package io.datarights.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * A new contact for a bulk load (scale and demo data). {@code canonicalId} makes it a member of
 * that contact's merge set (the canonical contact points at itself).
 */
public record BulkContact(
    UUID id,
    String firstName,
    String lastName,
    String workEmail,
    String personalEmail,
    String cellPhoneE164,
    String twitterScreenName,
    String address1,
    String postalCode,
    String city,
    String countryCode,
    String externalId,
    UUID canonicalId,
    Instant createdAt) {}
