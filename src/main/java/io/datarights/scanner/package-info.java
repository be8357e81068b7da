/**
 * The PII scanner: looks for personal data in the places the GDPR API deliberately does not search
 * (flow texts, personal statuses, custom field keys of contacts, participant attributes of
 * interactions not linked to a contact) and reports masked, hashed findings under
 * {@code /api/v2/governance/pii-scans}.
 */
package io.datarights.scanner;
