/**
 * The employee directory ({@code /api/v2/users}): names, work e-mail and phones, titles, state and
 * a free-text personal status. Takes part in GDPR processing as the service "directory"; an active
 * employee's record is retained (legitimate interest), an inactive one is anonymized in place.
 */
package io.datarights.directory;
