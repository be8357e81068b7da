/**
 * Architect flows ({@code /api/v2/flows}): names, descriptions and prompt texts. By design they hold
 * no personal data, so they take no part in subject search or erasure; {@link io.datarights.flows.Flows}
 * lets the PII scanner read their texts to find personal data that slipped in anyway.
 */
package io.datarights.flows;
