/**
 * Web-visitor journeys: sessions and events of customers known by a cookie id, tracked only while
 * a tracking consent is recorded. Takes part in GDPR processing as the service "journey"; erasure
 * deletes the customer's sessions, events and consent record.
 */
package io.datarights.journey;
