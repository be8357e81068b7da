package io.datarights.conversations.internal;

import io.datarights.conversations.internal.Conversation.Participant;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.Normalization;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.privacy.SubjectType;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which participants of a conversation are the subject: a customer-side participant whose name
 * or address normalizes to one of the searched identifiers (exactly what the index holds), or any
 * participant linked to one of the searched external contacts or users. Other participants (the
 * agent of a customer's call) are not the subject and keep their data.
 */
final class SubjectMatcher {

  private final String region;
  private final Set<String> keys = new HashSet<>();
  private final Set<String> externalContactIds = new HashSet<>();
  private final Set<String> userIds = new HashSet<>();

  SubjectMatcher(SubjectTerms terms, String region) {
    this.region = region;
    for (Identifier identifier : terms.identifiers()) {
      Normalization.normalize(identifier.kind(), identifier.value(), region)
          .ifPresent(value -> keys.add(key(identifier.kind().name(), value)));
    }
    for (SubjectRef ref : terms.refs()) {
      String id = ConversationValidator.canonicalLinkId(ref.id());
      if (id == null) {
        continue;
      }
      if (ref.type() == SubjectType.EXTERNAL_CONTACT) {
        externalContactIds.add(id);
      } else if (ref.type() == SubjectType.USER) {
        userIds.add(id);
      }
    }
  }

  boolean matches(Conversation c, Participant p) {
    if (p.externalContactId() != null && externalContactIds.contains(p.externalContactId())) {
      return true;
    }
    if (p.userId() != null && userIds.contains(p.userId())) {
      return true;
    }
    for (Identifier identifier : ParticipantIdentifiers.indexed(c, p, region)) {
      var normalized = Normalization.normalize(identifier.kind(), identifier.value(), region);
      if (normalized.isPresent() && keys.contains(key(identifier.kind().name(), normalized.get()))) {
        return true;
      }
    }
    return false;
  }

  Set<String> externalContactIds() {
    return Set.copyOf(externalContactIds);
  }

  Set<String> userIds() {
    return Set.copyOf(userIds);
  }

  String region() {
    return region;
  }

  private static String key(String kind, String value) {
    return Objects.requireNonNull(kind) + ":" + value;
  }
}
