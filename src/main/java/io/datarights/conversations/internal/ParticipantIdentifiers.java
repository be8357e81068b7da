package io.datarights.conversations.internal;

import io.datarights.conversations.internal.Conversation.Participant;
import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Which identifiers a participant's name and address are, by the interaction's media: the address
 * of a voice participant is a phone number, of an e-mail participant an e-mail address, of a
 * messaging participant a handle of its platform (a WhatsApp number is a phone number too).
 */
final class ParticipantIdentifiers {

  private ParticipantIdentifiers() {}

  /**
   * What the index holds for a participant: only the customer side (agents are found through the
   * directory by their userId), never anonymized participants, never custom attributes.
   */
  static List<Identifier> indexed(Conversation c, Participant p, String region) {
    if (!p.customerSide() || p.anonymized()) {
      return List.of();
    }
    return of(c.media(), c.messenger(), p.name(), p.address(), region);
  }

  /** Everything of the conversation that the index holds. */
  static List<Identifier> indexed(Conversation c, String region) {
    List<Identifier> all = new ArrayList<>();
    for (Participant p : c.participants()) {
      all.addAll(indexed(c, p, region));
    }
    return all;
  }

  /** The identifiers a name and address amount to, whoever holds them. */
  static List<Identifier> of(Media media, Messenger messenger, String name, String address, String region) {
    List<Identifier> result = new ArrayList<>();
    if (name != null && !name.isBlank()) {
      result.add(Identifier.name(name));
    }
    if (address != null && !address.isBlank()) {
      addressKinds(media, messenger, address, region).forEach(kind -> result.add(new Identifier(kind, address)));
    }
    return result;
  }

  private static List<IdentifierKind> addressKinds(Media media, Messenger messenger, String address, String region) {
    return switch (media) {
      case VOICE -> List.of(IdentifierKind.PHONE);
      case EMAIL -> List.of(IdentifierKind.EMAIL);
      case MESSAGE -> switch (messenger) {
        case WHATSAPP -> List.of(IdentifierKind.PHONE, IdentifierKind.WHATSAPP);
        case TWITTER -> List.of(IdentifierKind.TWITTER);
        case FACEBOOK -> List.of(IdentifierKind.FACEBOOK);
        case INSTAGRAM -> List.of(IdentifierKind.INSTAGRAM);
        case APPLE -> List.of(IdentifierKind.APPLE_MESSAGES);
        case OPEN -> recognizable(address, region);
      };
      case WEBCHAT, WEBMESSAGING -> recognizable(address, region);
    };
  }

  /**
   * Open messaging and web chat addresses are free text: what is plainly an e-mail address or an
   * international phone number is indexed as one; any other handle is not searchable.
   */
  private static List<IdentifierKind> recognizable(String address, String region) {
    if (Emails.isValid(address)) {
      return List.of(IdentifierKind.EMAIL);
    }
    if (address.strip().startsWith("+") && PhoneNumbers.parse(address, region).isPresent()) {
      return List.of(IdentifierKind.PHONE);
    }
    return List.of();
  }
}
