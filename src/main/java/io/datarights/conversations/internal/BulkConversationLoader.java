package io.datarights.conversations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.blobs.BlobRef;
import io.datarights.blobs.BlobStore;
import io.datarights.conversations.BulkConversation;
import io.datarights.conversations.ConversationsBulkLoad;
import io.datarights.database.CopyWriter;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.shared.OrgId;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

@Component
class BulkConversationLoader implements ConversationsBulkLoad {

  private final DataSource dataSource;
  private final IdentifierIndex index;
  private final BlobStore blobs;
  private final ObjectMapper json;

  BulkConversationLoader(DataSource dataSource, IdentifierIndex index, BlobStore blobs, ObjectMapper json) {
    this.dataSource = dataSource;
    this.index = index;
    this.blobs = blobs;
    this.json = json;
  }

  @Override
  public void load(OrgId org, List<BulkConversation> batch) {
    String region = index.regionOf(org);
    List<IdentifierIndex.RecordIdentifiers> identifiers = new ArrayList<>(batch.size());
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      try (CopyWriter rows = new CopyWriter(connection, "conversations",
          "org_id, conversation_id, media_type, messenger_type, start_time, end_time, created_at")) {
        for (BulkConversation c : batch) {
          rows.row(org.value(), c.id(), c.mediaType(), c.messengerType(), c.startTime(), c.endTime(), c.startTime());
          identifiers.add(new IdentifierIndex.RecordIdentifiers(c.id().toString(), ParticipantIdentifiers.indexed(toModel(c), region)));
        }
      }
      try (CopyWriter rows = new CopyWriter(connection, "conversation_participants",
          "org_id, conversation_id, participant_id, position, purpose, name, address, user_id, external_contact_id, attributes")) {
        for (BulkConversation c : batch) {
          int position = 0;
          for (BulkConversation.Participant p : c.participants()) {
            rows.row(org.value(), c.id(), p.id(), position++, p.purpose(), p.name(), p.address(), p.userId(), p.externalContactId(),
                json.writeValueAsString(p.attributes() == null ? java.util.Map.of() : p.attributes()));
          }
        }
      }
      try (CopyWriter rows = new CopyWriter(connection, "conversation_messages",
          "org_id, conversation_id, message_id, participant_id, body, sent_at")) {
        for (BulkConversation c : batch) {
          for (BulkConversation.Message m : c.messages()) {
            rows.row(org.value(), c.id(), m.id(), m.participantId(), m.body(), m.sentAt());
          }
        }
      }
      try (CopyWriter rows = new CopyWriter(connection, "conversation_attachments",
          "org_id, conversation_id, attachment_id, participant_id, kind, file_name, content_type, size, sha256, blob_key, created_at")) {
        for (BulkConversation c : batch) {
          for (BulkConversation.File f : c.files()) {
            BlobRef blob = blobs.put(org, f.kind(), new ByteArrayInputStream(f.content()), Long.MAX_VALUE);
            rows.row(org.value(), c.id(), f.id(), f.participantId(), f.kind(), f.fileName(), f.contentType(), blob.size(), blob.sha256(),
                blob.key(), c.startTime());
          }
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot load conversations", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    index.addAll(org, ConversationService.SERVICE, identifiers);
  }

  /** Just what indexing reads: the media and the participants. */
  private static Conversation toModel(BulkConversation c) {
    List<Conversation.Participant> participants =
        c.participants().stream()
            .map(p -> new Conversation.Participant(p.id(), p.purpose(), p.name(), p.address(), p.userId(), p.externalContactId(),
                p.attributes() == null ? java.util.Map.of() : p.attributes(), null))
            .toList();
    return new Conversation(
        c.id(), Media.parse(c.mediaType()).orElseThrow(), c.messengerType() == null ? null : Messenger.parse(c.messengerType()).orElseThrow(),
        c.startTime(), c.endTime(), participants, List.of(), List.of());
  }
}
