package io.datarights.security.internal;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Security observes every filter of its chain, each authentication and authorization:
 * a dozen observations (with their timers) per API call, which profiling showed in every search.
 * The request as a whole is still timed ({@code http_server_requests}); refusals are audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

  @Bean
  ObservationPredicate noSecurityFilterObservations() {
    return (name, context) -> !name.startsWith("spring.security.");
  }
}
