package io.datarights.conversations.internal;

import io.datarights.conversations.internal.Conversation.Attachment;
import io.datarights.conversations.internal.Conversation.Message;
import io.datarights.conversations.internal.Conversation.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The wire shapes of conversations (camelCase JSON; null fields are left out). */
final class ConversationViews {

  static final String PATH = "/api/v2/conversations";

  private ConversationViews() {}

  record ConversationView(
      String id,
      String mediaType,
      String messengerType,
      Instant startTime,
      Instant endTime,
      List<ParticipantView> participants,
      List<MessageView> messages,
      List<AttachmentView> attachments,
      String selfUri) {

    static ConversationView of(Conversation c) {
      return new ConversationView(
          c.id().toString(),
          c.media().wire(),
          c.messenger() == null ? null : c.messenger().wire(),
          c.startTime(),
          c.endTime(),
          c.participants().stream().map(ParticipantView::of).toList(),
          c.messages().stream().map(MessageView::of).toList(),
          c.attachments().stream().map(a -> AttachmentView.of(c.id(), a)).toList(),
          PATH + "/" + c.id());
    }
  }

  /** {@code anonymized} appears (true) only on participants whose data was erased. */
  record ParticipantView(
      String id,
      String purpose,
      String name,
      String address,
      String userId,
      String externalContactId,
      Map<String, String> attributes,
      Boolean anonymized) {

    static ParticipantView of(Participant p) {
      return new ParticipantView(
          p.id().toString(),
          p.purpose(),
          p.name(),
          p.address(),
          p.userId(),
          p.externalContactId(),
          p.attributes(),
          p.anonymized() ? Boolean.TRUE : null);
    }
  }

  /** An erased message has no body. */
  record MessageView(String id, String participantId, String body, Instant timestamp) {
    static MessageView of(Message m) {
      return new MessageView(m.id().toString(), m.participantId().toString(), m.body(), m.timestamp());
    }
  }

  record AttachmentView(
      String id,
      String participantId,
      String kind,
      String fileName,
      String contentType,
      long size,
      String sha256,
      String contentUri,
      String selfUri) {

    static AttachmentView of(UUID conversationId, Attachment a) {
      String self = PATH + "/" + conversationId + "/attachments/" + a.id();
      return new AttachmentView(
          a.id().toString(),
          a.participantId() == null ? null : a.participantId().toString(),
          a.kind(),
          a.fileName(),
          a.contentType(),
          a.size(),
          a.sha256(),
          self + "/content",
          self);
    }
  }
}
