/**
 * Where the server may connect to on behalf of a tenant: a URL's host is resolved and every address
 * it resolves to must be a public unicast address, unless the operator allows a range
 * ({@code DATARIGHTS_EGRESS_ALLOWED_RANGES}, CIDR list). Outbound code connects only to the
 * addresses that were checked ({@link io.datarights.egress.EgressPolicy#dnsResolver()}), so a name
 * that resolves differently between the check and the connection (DNS rebinding) gains nothing.
 * Used by recipients' webhooks; connectors to other systems are meant to use it too.
 */
package io.datarights.egress;
