/**
 * External contacts: the platform's customers, with the "single customer view" merge sets
 * ({@code /api/v2/externalcontacts}). Other features read contacts and merge sets through
 * {@link io.datarights.contacts.ExternalContacts}.
 */
package io.datarights.contacts;
