/**
 * The GDPR API, wire-compatible with Genesys Cloud's: {@code /api/v2/gdpr/subjects} finds every
 * person matching one identifier across the personal-data services, {@code /api/v2/gdpr/requests}
 * exports, rectifies or erases everything about one subject, asynchronously and durably.
 */
package io.datarights.gdpr;
