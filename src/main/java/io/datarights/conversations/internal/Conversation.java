package io.datarights.conversations.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** One interaction with everything it holds. */
record Conversation(
    UUID id,
    Media media,
    Messenger messenger,
    Instant startTime,
    Instant endTime,
    List<Participant> participants,
    List<Message> messages,
    List<Attachment> attachments) {

  Conversation {
    participants = List.copyOf(participants);
    messages = List.copyOf(messages);
    attachments = List.copyOf(attachments);
  }

  Optional<Participant> participant(UUID participantId) {
    return participants.stream().filter(p -> p.id().equals(participantId)).findFirst();
  }

  /** Purposes of the people the contact centre talks to, as opposed to its own agents and systems. */
  static final Set<String> CUSTOMER_SIDE = Set.of("customer", "external");

  /** A participant. {@code userId} links an agent to the directory, {@code externalContactId} a customer to contacts. */
  record Participant(
      UUID id,
      String purpose,
      String name,
      String address,
      String userId,
      String externalContactId,
      Map<String, String> attributes,
      Instant anonymizedAt) {

    Participant {
      // Sorted, so that the wire shape does not depend on hash order.
      attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    boolean customerSide() {
      return CUSTOMER_SIDE.contains(purpose);
    }

    boolean anonymized() {
      return anonymizedAt != null;
    }
  }

  /** A message; its body is null once erased. */
  record Message(UUID id, UUID participantId, String body, Instant timestamp) {}

  /** A file of the interaction, stored in the blob store under {@code blobKey}. */
  record Attachment(
      UUID id,
      UUID participantId,
      String kind,
      String fileName,
      String contentType,
      long size,
      String sha256,
      String blobKey,
      Instant createdAt) {}
}
