package io.datarights.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits. {@code maxBodySize} caps JSON and form bodies; {@code maxUploadSize} caps
 * multipart file uploads (attachments, CSV imports).
 */
@ConfigurationProperties("datarights.http")
public record HttpLimits(
    @DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("100MB") DataSize maxUploadSize) {}
