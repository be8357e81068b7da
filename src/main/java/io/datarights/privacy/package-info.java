/**
 * The contract between the GDPR engine and the platform's personal-data services: each service
 * implements {@link io.datarights.privacy.PersonalDataService} and is found as a Spring bean, so
 * that the engine depends on no service and every service on this package alone.
 */
package io.datarights.privacy;
