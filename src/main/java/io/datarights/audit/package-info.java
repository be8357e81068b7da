/**
 * The tamper-evident audit trail: a hash chain per org of every security-relevant and GDPR
 * action, with subjects as keyed pseudonyms so that an erased person does not survive in it.
 */
package io.datarights.audit;
