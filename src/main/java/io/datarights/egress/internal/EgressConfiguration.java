package io.datarights.egress.internal;

import io.datarights.egress.EgressPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one policy of the node, from the settings; a malformed range stops the start, naming it. */
@Configuration(proxyBeanMethods = false)
class EgressConfiguration {

  @Bean
  EgressPolicy egressPolicy(EgressProperties properties) {
    return EgressPolicy.allowing(properties.allowedRanges(), EgressPolicy.HostResolver.SYSTEM);
  }
}
