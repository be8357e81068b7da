/**
 * Interactions of the contact centre (voice, e-mail, messaging, web chat, web messaging): their
 * participants, message bodies, attachments and recordings, under {@code /api/v2/conversations}.
 * Takes part in GDPR processing as the "conversations" personal-data service; erasure anonymizes
 * (the interaction stays for statistics, the subject's data goes).
 */
package io.datarights.conversations;
