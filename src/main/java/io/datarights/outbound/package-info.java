/**
 * The outbound dialer's personal data: contact lists with named columns (some typed phone or
 * e-mail) and their dialer contacts, written one by one or imported from CSV. Takes part in GDPR
 * processing as the personal-data service {@code outbound}; other features read a contact through
 * {@link io.datarights.outbound.OutboundContacts}.
 */
package io.datarights.outbound;
