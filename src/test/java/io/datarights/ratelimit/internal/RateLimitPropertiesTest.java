package io.datarights.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitPropertiesTest {

  private static RateLimitProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bind("datarights.rate-limits", RateLimitProperties.class)
        .orElse(new RateLimitProperties(null));
  }

  @Test
  void withoutSettingsTheStrictDefaultsApply() {
    RateLimitProperties limits = bind(Map.of());

    assertThat(limits.limitFor("gdpr-request-create")).isEqualTo(new RateLimitProperties.Limit(10, 10, 0, Duration.ofMinutes(1)));
    assertThat(limits.limitFor("gdpr-subject-search").perOrg()).isEqualTo(60);
  }

  @Test
  void aSettingNotGivenKeepsItsDefault() {
    RateLimitProperties limits = bind(Map.of("datarights.rate-limits.actions.gdpr-request-create.per-org", "20"));

    assertThat(limits.limitFor("gdpr-request-create")).isEqualTo(new RateLimitProperties.Limit(20, 10, 0, Duration.ofMinutes(1)));
  }

  @Test
  void failedClientAuthenticationsAreLimitedPerClientIdAndPerAddress() {
    RateLimitProperties limits = bind(Map.of("datarights.rate-limits.actions.client-authentication.per-address", "100"));

    assertThat(bind(Map.of()).limitFor("client-authentication")).isEqualTo(new RateLimitProperties.Limit(0, 10, 30, Duration.ofMinutes(1)));
    assertThat(limits.limitFor("client-authentication")).isEqualTo(new RateLimitProperties.Limit(0, 10, 100, Duration.ofMinutes(1)));
  }

  @Test
  void anIpv6AddressIsLimitedByItsSlash64AndALongClientIdByItsHash() {
    var action = io.datarights.ratelimit.RateLimitedAction.CLIENT_AUTHENTICATION;
    var address = io.datarights.ratelimit.RateLimits.Scope.ADDRESS;

    assertThat(PostgresRateLimits.bucketId(action, new io.datarights.ratelimit.RateLimits.Key(address, "2001:db8:1:2:aaaa::1")))
        .isEqualTo(PostgresRateLimits.bucketId(action, new io.datarights.ratelimit.RateLimits.Key(address, "2001:db8:1:2:bbbb::2")))
        .isEqualTo("client-authentication:address:2001:db8:1:2:0:0:0:0/64");
    assertThat(PostgresRateLimits.bucketId(action, new io.datarights.ratelimit.RateLimits.Key(address, "203.0.113.7")))
        .isEqualTo("client-authentication:address:203.0.113.7");
    assertThat(PostgresRateLimits.bucketId(action, new io.datarights.ratelimit.RateLimits.Key(io.datarights.ratelimit.RateLimits.Scope.CLIENT, "x".repeat(5000))))
        .hasSizeLessThan(120).contains(":client:sha256:");
  }
}
