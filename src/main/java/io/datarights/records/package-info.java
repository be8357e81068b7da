/**
 * The accountability documents: the data inventory of every personal-data service, the org's
 * controller details, the Art. 30(1) record of processing activities and the Art. 35(7) DPIA,
 * all generated from the services' {@link io.datarights.privacy.PersonalDataService#inventory()}
 * ({@code /api/v2/governance}). Other features read an org's controller details through
 * {@link io.datarights.records.Controllers}.
 */
package io.datarights.records;
