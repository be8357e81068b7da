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

    assertThat(limits.limitFor("gdpr-request-create")).isEqualTo(new RateLimitProperties.Limit(10, 10, Duration.ofMinutes(1)));
    assertThat(limits.limitFor("gdpr-subject-search").perOrg()).isEqualTo(60);
  }

  @Test
  void aSettingNotGivenKeepsItsDefault() {
    RateLimitProperties limits = bind(Map.of("datarights.rate-limits.actions.gdpr-request-create.per-org", "20"));

    assertThat(limits.limitFor("gdpr-request-create")).isEqualTo(new RateLimitProperties.Limit(20, 10, Duration.ofMinutes(1)));
  }
}
