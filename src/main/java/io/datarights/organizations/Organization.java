package io.datarights.organizations;

import io.datarights.shared.OrgId;
import java.time.Instant;

/**
 * A tenant. {@code defaultRegion} (ISO 3166 alpha-2) is how phone numbers written without a
 * country code are read.
 */
public record Organization(OrgId id, String name, String defaultRegion, Instant createdAt) {}
