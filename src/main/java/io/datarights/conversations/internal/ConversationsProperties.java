package io.datarights.conversations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code DATARIGHTS_CONVERSATIONS_MAX_ATTACHMENT_SIZE}: the largest attachment or recording (the
 * multipart limit {@code DATARIGHTS_HTTP_MAX_UPLOAD_SIZE} caps it as well).
 */
@ConfigurationProperties("datarights.conversations")
record ConversationsProperties(@DefaultValue("25MB") DataSize maxAttachmentSize) {}
