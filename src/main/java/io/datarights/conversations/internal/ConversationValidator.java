package io.datarights.conversations.internal;

import io.datarights.conversations.internal.Conversation.Message;
import io.datarights.conversations.internal.Conversation.Participant;
import io.datarights.conversations.internal.ConversationRequests.NewConversation;
import io.datarights.conversations.internal.ConversationRequests.NewMessage;
import io.datarights.conversations.internal.ConversationRequests.NewParticipant;
import io.datarights.conversations.internal.ConversationRequests.ParticipantChanges;
import io.datarights.identifiers.Emails;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.shared.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns request bodies into valid conversations, or a 400 that names every offending field (e.g.
 * {@code participants[1].address}). Addresses are checked against the media: a phone number for
 * voice and WhatsApp (in the org's default region), an e-mail address for e-mail.
 */
final class ConversationValidator {

  static final Set<String> PURPOSES =
      Set.of("customer", "external", "agent", "user", "acd", "ivr", "workflow", "voicemail", "outbound", "station");

  static final int MAX_PARTICIPANTS = 50;
  static final int MAX_MESSAGES = 1000;
  static final int MAX_NAME = 200;
  static final int MAX_ADDRESS = 320;
  static final int MAX_LINK_ID = 100;
  static final int MAX_ATTRIBUTES = 100;
  static final int MAX_ATTRIBUTE_KEY = 200;
  static final int MAX_ATTRIBUTE_VALUE = 2000;
  static final int MAX_BODY = 100_000;

  private ConversationValidator() {}

  static Conversation newConversation(NewConversation body, String region, Instant now) {
    Violations v = new Violations();
    Optional<Media> media = Media.parse(body.mediaType());
    if (body.mediaType() == null || body.mediaType().isBlank()) {
      v.add("mediaType", "is required (one of " + Media.choices() + ").");
    } else if (media.isEmpty()) {
      v.add("mediaType", "must be one of " + Media.choices() + ".");
    }
    Messenger messenger = null;
    boolean hasMessenger = body.messengerType() != null && !body.messengerType().isBlank();
    if (media.filter(Media.MESSAGE::equals).isPresent()) {
      if (!hasMessenger) {
        v.add("messengerType", "is required for a message interaction (one of " + Messenger.choices() + ").");
      } else {
        messenger = Messenger.parse(body.messengerType()).orElse(null);
        if (messenger == null) {
          v.add("messengerType", "must be one of " + Messenger.choices() + ".");
        }
      }
    } else if (hasMessenger && media.isPresent()) {
      v.add("messengerType", "is only for mediaType message.");
    }
    Instant start = body.startTime() == null ? now : micros(body.startTime());
    Instant end = micros(body.endTime());
    if (end != null && end.isBefore(start)) {
      v.add("endTime", "must not be before startTime.");
    }

    List<NewParticipant> given = body.participants() == null ? List.of() : body.participants();
    if (given.isEmpty()) {
      v.add("participants", "must name at least one participant.");
    } else if (given.size() > MAX_PARTICIPANTS) {
      v.add("participants", "must not have more than " + MAX_PARTICIPANTS + " entries.");
    }
    List<Participant> participants = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < given.size() && i < MAX_PARTICIPANTS; i++) {
      String field = "participants[" + i + "]";
      NewParticipant p = given.get(i);
      if (p == null) {
        v.add(field, "must be an object.");
        continue;
      }
      UUID id = UUID.randomUUID();
      if (p.id() != null) {
        Optional<UUID> parsed = Ids.parse(p.id());
        if (parsed.isEmpty()) {
          v.add(field + ".id", "must be a UUID.");
        } else if (!ids.add(parsed.get())) {
          v.add(field + ".id", "is used by another participant.");
        } else {
          id = parsed.get();
        }
      }
      String purpose = p.purpose() == null ? null : p.purpose().strip();
      if (purpose == null || !PURPOSES.contains(purpose)) {
        v.add(field + ".purpose", "must be one of " + String.join(", ", PURPOSES.stream().sorted().toList()) + ".");
      }
      String name = text(v, field + ".name", p.name(), MAX_NAME);
      String address = text(v, field + ".address", p.address(), MAX_ADDRESS);
      if (address != null && media.isPresent() && (media.get() != Media.MESSAGE || messenger != null)) {
        addressProblem(media.get(), messenger, address, region).ifPresent(problem -> v.add(field + ".address", problem));
      }
      String userId = linkId(v, field + ".userId", p.userId());
      String contactId = linkId(v, field + ".externalContactId", p.externalContactId());
      Map<String, String> attributes = attributes(v, field + ".attributes", p.attributes());
      participants.add(new Participant(id, purpose, name, address, userId, contactId, attributes, null));
    }

    List<NewMessage> givenMessages = body.messages() == null ? List.of() : body.messages();
    if (givenMessages.size() > MAX_MESSAGES) {
      v.add("messages", "must not have more than " + MAX_MESSAGES + " entries; add more with POST .../messages.");
    }
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < givenMessages.size() && i < MAX_MESSAGES; i++) {
      String field = "messages[" + i + "]";
      NewMessage m = givenMessages.get(i);
      if (m == null) {
        v.add(field, "must be an object.");
        continue;
      }
      Optional<UUID> participant = Ids.parse(m.participantId()).filter(ids::contains);
      if (participant.isEmpty()) {
        v.add(field + ".participantId", "must be the id of one of the participants.");
      }
      String messageBody = body(v, field + ".body", m.body());
      Instant timestamp = m.timestamp() == null ? start : micros(m.timestamp());
      messages.add(new Message(UUID.randomUUID(), participant.orElse(null), messageBody, timestamp));
    }
    v.throwIfAny();
    return new Conversation(UUID.randomUUID(), media.orElseThrow(), messenger, start, end, participants, messages, List.of());
  }

  static Message newMessage(Conversation c, NewMessage body, Instant now) {
    Violations v = new Violations();
    Optional<UUID> participant = Ids.parse(body.participantId()).filter(id -> c.participant(id).isPresent());
    if (participant.isEmpty()) {
      v.add("participantId", "must be the id of one of the conversation's participants.");
    }
    String text = body(v, "body", body.body());
    v.throwIfAny();
    Instant timestamp = body.timestamp() == null ? now : micros(body.timestamp());
    return new Message(UUID.randomUUID(), participant.orElseThrow(), text, timestamp);
  }

  static Participant changed(Conversation c, Participant p, ParticipantChanges changes, String region) {
    Violations v = new Violations();
    String name = changes.name() == null ? p.name() : text(v, "name", changes.name(), MAX_NAME);
    String address = p.address();
    if (changes.address() != null) {
      address = text(v, "address", changes.address(), MAX_ADDRESS);
      if (address != null) {
        addressProblem(c.media(), c.messenger(), address, region).ifPresent(problem -> v.add("address", problem));
      }
    }
    Map<String, String> attributes =
        changes.attributes() == null ? p.attributes() : attributes(v, "attributes", changes.attributes());
    v.throwIfAny();
    // A name or address written after anonymization is personal data again, indexed and erasable.
    boolean identityWritten = changes.name() != null || changes.address() != null;
    Instant anonymizedAt = identityWritten ? null : p.anonymizedAt();
    return new Participant(p.id(), p.purpose(), name, address, p.userId(), p.externalContactId(), attributes, anonymizedAt);
  }

  /** Why an address cannot be one of this media, if it cannot. */
  static Optional<String> addressProblem(Media media, Messenger messenger, String address, String region) {
    boolean phone = media == Media.VOICE || (media == Media.MESSAGE && messenger == Messenger.WHATSAPP);
    if (phone && PhoneNumbers.parse(address, region).isEmpty()) {
      return Optional.of("is not a valid phone number (default region " + region + ").");
    }
    if (media == Media.EMAIL && !Emails.isValid(address)) {
      return Optional.of("is not a valid e-mail address.");
    }
    if (media == Media.MESSAGE && messenger != Messenger.OPEN && messenger != Messenger.WHATSAPP && address.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("is not a valid " + messenger.wire() + " handle.");
    }
    return Optional.empty();
  }

  /** userId and externalContactId: UUIDs in canonical form, so that links compare as text. */
  static String canonicalLinkId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    return Ids.parse(stripped).map(UUID::toString).orElse(stripped);
  }

  private static String linkId(Violations v, String field, String value) {
    String id = canonicalLinkId(value);
    if (id != null && id.length() > MAX_LINK_ID) {
      v.add(field, "must not be longer than " + MAX_LINK_ID + " characters.");
    }
    return id;
  }

  /** Stripped text, blank as absent, within a length. */
  private static String text(Violations v, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      v.add(field, "must not be longer than " + max + " characters.");
    }
    return stripped;
  }

  private static String body(Violations v, String field, String value) {
    if (value == null) {
      v.add(field, "is required.");
    } else if (value.length() > MAX_BODY) {
      v.add(field, "must not be longer than " + MAX_BODY + " characters.");
    }
    return value;
  }

  private static Map<String, String> attributes(Violations v, String field, Map<String, String> given) {
    if (given == null) {
      return Map.of();
    }
    if (given.size() > MAX_ATTRIBUTES) {
      v.add(field, "must not have more than " + MAX_ATTRIBUTES + " entries.");
    }
    for (var entry : given.entrySet()) {
      if (entry.getKey().isBlank() || entry.getKey().length() > MAX_ATTRIBUTE_KEY) {
        v.add(field, "keys must be 1 to " + MAX_ATTRIBUTE_KEY + " characters.");
      } else if (entry.getValue() == null || entry.getValue().length() > MAX_ATTRIBUTE_VALUE) {
        v.add(field + "." + entry.getKey(), "must be a string of at most " + MAX_ATTRIBUTE_VALUE + " characters.");
      }
    }
    return given;
  }

  /** PostgreSQL keeps microseconds; truncating on the way in keeps what we answer equal to what we store. */
  static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
