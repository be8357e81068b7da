/**
 * GDPR Art. 19 recipient notifications: an org registers the endpoints of the recipients it
 * discloses personal data to ({@code /api/v2/governance/recipients}); when a rectification or
 * erasure completes, each subscribed recipient is notified once by a signed webhook, through a
 * transactional outbox, with ids only and retries until it answers 2xx.
 */
package io.datarights.recipients;
