/**
 * Legal holds (Art. 17(3) GDPR): an org places a hold on one subject ({@code
 * /api/v2/governance/legal-holds}) with the reason it must keep the subject's data, e.g. pending
 * litigation. While a hold is active (not released, not expired), erasure requests keep the held
 * record and report it as retained with the hold's reason.
 */
package io.datarights.holds;
