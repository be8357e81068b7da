package io.datarights.security.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code DATARIGHTS_TOKEN_TTL}: how long an access token is valid (Genesys: 24 hours). */
@ConfigurationProperties("datarights.token")
record TokenProperties(@DefaultValue("24h") Duration ttl) {}
