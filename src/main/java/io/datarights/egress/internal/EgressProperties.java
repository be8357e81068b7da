package io.datarights.egress.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.egress.*}: the address ranges (CIDR, e.g. {@code 10.20.0.0/16,fd00::/8}) that
 * outbound connections may reach besides public addresses — for webhook receivers inside a
 * company network. Empty by default: loopback, private, link-local and the like are refused.
 */
@ConfigurationProperties("datarights.egress")
public record EgressProperties(@DefaultValue List<String> allowedRanges) {}
