package io.datarights.organizations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code DATARIGHTS_BOOTSTRAP_CLIENT_ID}/{@code _CLIENT_SECRET}: the platform-admin client created on
 * first start; generated (and printed once) when not set.
 */
@ConfigurationProperties("datarights.bootstrap")
record BootstrapProperties(String clientId, String clientSecret, @DefaultValue("US") String defaultRegion) {}
