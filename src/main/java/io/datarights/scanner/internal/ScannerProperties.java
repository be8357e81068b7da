package io.datarights.scanner.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code datarights.scanner.*}: how often every org is scanned. */
@ConfigurationProperties("datarights.scanner")
record ScannerProperties(@DefaultValue("1d") Duration interval) {}
