package io.datarights.conversations.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request bodies as clients send them, before validation. */
final class ConversationRequests {

  private ConversationRequests() {}

  record NewConversation(
      String mediaType,
      String messengerType,
      Instant startTime,
      Instant endTime,
      List<NewParticipant> participants,
      List<NewMessage> messages) {}

  /** {@code id} is optional: a client gives one when its messages refer to the participant. */
  record NewParticipant(
      String id,
      String purpose,
      String name,
      String address,
      String userId,
      String externalContactId,
      Map<String, String> attributes) {}

  record NewMessage(String participantId, String body, Instant timestamp) {}

  /** A partial update: absent (null) fields stay as they are; an empty name or address clears it. */
  record ParticipantChanges(String name, String address, Map<String, String> attributes) {}
}
