package io.datarights.conversations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new interaction for a bulk load (scale and demo data), in the wire vocabulary: {@code
 * mediaType} voice|email|message|webchat|webmessaging, {@code messengerType} for messages.
 */
public record BulkConversation(
    UUID id,
    String mediaType,
    String messengerType,
    Instant startTime,
    Instant endTime,
    List<Participant> participants,
    List<Message> messages,
    List<File> files) {

  public record Participant(
      UUID id, String purpose, String name, String address, String userId, String externalContactId,
      Map<String, String> attributes) {}

  public record Message(UUID id, UUID participantId, String body, Instant sentAt) {}

  /** An attachment or recording with its content, stored in the blob store on load. */
  public record File(UUID id, UUID participantId, String kind, String fileName, String contentType, byte[] content) {}
}
