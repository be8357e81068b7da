package io.datarights.conversations.internal;

import io.datarights.blobs.BlobStore;
import io.datarights.conversations.internal.Conversation.Attachment;
import io.datarights.conversations.internal.Conversation.Message;
import io.datarights.conversations.internal.Conversation.Participant;
import io.datarights.conversations.internal.ConversationRequests.NewConversation;
import io.datarights.conversations.internal.ConversationRequests.NewMessage;
import io.datarights.conversations.internal.ConversationRequests.ParticipantChanges;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to conversations. Each write changes the rows and the identifier index in one
 * transaction. Files are deleted from the blob store inside that transaction, before it commits,
 * so that no file is ever left behind without a row pointing to it. A crash between deleting a
 * file and committing leaves a row whose file is gone; running the operation again finishes the
 * job (a missing file is fine).
 */
@Service
class ConversationService {

  static final String SERVICE = "conversations";
  static final String ANONYMIZED = "anonymized";

  private final ConversationRepository repository;
  private final IdentifierIndex index;
  private final BlobStore blobs;
  private final Clock clock;

  ConversationService(ConversationRepository repository, IdentifierIndex index, BlobStore blobs, Clock clock) {
    this.repository = repository;
    this.index = index;
    this.blobs = blobs;
    this.clock = clock;
  }

  @Transactional
  Conversation create(OrgId org, NewConversation body) {
    Conversation conversation = ConversationValidator.newConversation(body, index.regionOf(org), now());
    repository.insert(org, conversation, now());
    reindex(org, conversation);
    return conversation;
  }

  @Transactional(readOnly = true)
  Conversation get(OrgId org, String id) {
    return repository.find(org, Ids.existingOrNotFound(id, "conversation")).orElseThrow(ConversationService::notFound);
  }

  @Transactional(readOnly = true)
  List<Conversation> list(OrgId org, PageParams page) {
    return repository.list(org, page);
  }

  long count(OrgId org) {
    return repository.count(org);
  }

  @Transactional
  void delete(OrgId org, String id) {
    UUID conversationId = Ids.existingOrNotFound(id, "conversation");
    Conversation conversation = locked(org, conversationId);
    repository.delete(org, conversationId);
    index.remove(org, SERVICE, conversationId.toString());
    conversation.attachments().forEach(a -> blobs.delete(org, a.blobKey()));
  }

  @Transactional
  Message addMessage(OrgId org, String id, NewMessage body) {
    Conversation conversation = get(org, id);
    Message message = ConversationValidator.newMessage(conversation, body, now());
    repository.insertMessage(org, conversation.id(), message);
    return message;
  }

  @Transactional
  Participant updateParticipant(OrgId org, String id, String participantId, ParticipantChanges changes) {
    Conversation conversation = locked(org, Ids.existingOrNotFound(id, "conversation"));
    Participant participant =
        Ids.parse(participantId).flatMap(conversation::participant).orElseThrow(() -> ApiException.notFound("participant"));
    Participant changed = ConversationValidator.changed(conversation, participant, changes, index.regionOf(org));
    repository.updateParticipant(org, conversation.id(), changed);
    reindex(org, repository.find(org, conversation.id()).orElseThrow());
    return changed;
  }

  /** What an erasure or rectification found in one conversation. */
  record SubjectResult(boolean matched, boolean changed) {
    static final SubjectResult NONE = new SubjectResult(false, false);
  }

  /** How many conversations of an erasure held the subject, and in how many something changed. */
  record ErasedCount(long matched, long changed) {}

  /**
   * Anonymizes the subject's participants of these conversations in a few statements, however many
   * there are: name and address replaced, attributes cleared, message bodies and files deleted.
   * Files not attributed to any participant (a recording of the whole call) are deleted too when
   * the subject is on the customer side. Re-running it changes nothing more.
   */
  @Transactional
  ErasedCount eraseAll(OrgId org, Collection<UUID> conversationIds, SubjectMatcher matcher) {
    // The messages are not loaded: one update erases the subject's bodies and says where it did.
    List<Conversation> found = repository.lockForErasure(org, conversationIds);
    Map<UUID, SubjectPart> parts = new LinkedHashMap<>();
    List<ConversationRepository.Owned<UUID>> bodies = new ArrayList<>();
    for (Conversation c : found) {
      SubjectPart part = SubjectPart.of(c, matcher);
      if (!part.participants().isEmpty()) {
        parts.put(c.id(), part);
        part.participantIds().forEach(id -> bodies.add(new ConversationRepository.Owned<>(c.id(), id)));
      }
    }
    Set<UUID> bodiesErased = repository.eraseMessageBodies(org, bodies);
    Instant now = now();
    List<Conversation> changed = new ArrayList<>();
    List<ConversationRepository.Owned<Attachment>> files = new ArrayList<>();
    List<ConversationRepository.Owned<Participant>> participants = new ArrayList<>();
    for (Conversation c : found) {
      SubjectPart part = parts.get(c.id());
      if (part == null) {
        continue;
      }
      boolean identityLeft = part.participants().stream().anyMatch(p -> !p.anonymized() || !p.attributes().isEmpty());
      if (part.files().isEmpty() && !bodiesErased.contains(c.id()) && !identityLeft) {
        continue;
      }
      part.files().forEach(file -> files.add(new ConversationRepository.Owned<>(c.id(), file)));
      Map<UUID, Participant> anonymized = new HashMap<>();
      part.participants().forEach(p -> anonymized.put(p.id(), anonymized(p, now)));
      anonymized.values().forEach(p -> participants.add(new ConversationRepository.Owned<>(c.id(), p)));
      changed.add(withParticipants(c, c.participants().stream().map(p -> anonymized.getOrDefault(p.id(), p)).toList()));
    }
    repository.deleteAttachments(org, files);
    files.forEach(file -> blobs.delete(org, file.value().blobKey()));
    repository.updateParticipants(org, participants);
    reindexAll(org, changed);
    return new ErasedCount(parts.size(), changed.size());
  }

  private static Conversation withParticipants(Conversation c, List<Participant> participants) {
    return new Conversation(c.id(), c.media(), c.messenger(), c.startTime(), c.endTime(), participants, c.messages(), c.attachments());
  }

  /** The index holds the customer side's names and addresses of these conversations as they now are. */
  private void reindexAll(OrgId org, List<Conversation> changed) {
    if (changed.isEmpty()) {
      return;
    }
    String region = index.regionOf(org);
    index.removeAll(org, SERVICE, changed.stream().map(c -> c.id().toString()).toList());
    index.addAll(
        org,
        SERVICE,
        changed.stream()
            .map(c -> new IdentifierIndex.RecordIdentifiers(c.id().toString(), ParticipantIdentifiers.indexed(c, region)))
            .toList());
  }

  /** Replaces the subject's names and addresses where they equal a term's existing value. */
  @Transactional
  SubjectResult rectify(OrgId org, UUID conversationId, SubjectMatcher matcher, List<ReplacementTerm> replacements) {
    if (!repository.lock(org, conversationId)) {
      return SubjectResult.NONE;
    }
    Conversation c = repository.find(org, conversationId).orElseThrow();
    List<Participant> subject = SubjectPart.of(c, matcher).participants().stream().filter(p -> !p.anonymized()).toList();
    if (subject.isEmpty()) {
      return SubjectResult.NONE;
    }
    boolean changed = false;
    for (Participant p : subject) {
      Participant replaced = replaced(c, p, replacements, matcher.region());
      if (!replaced.equals(p)) {
        repository.updateParticipant(org, conversationId, replaced);
        changed = true;
      }
    }
    if (changed) {
      reindex(org, repository.find(org, conversationId).orElseThrow());
    }
    return new SubjectResult(true, changed);
  }

  private static Participant replaced(Conversation c, Participant p, List<ReplacementTerm> replacements, String region) {
    String name = p.name();
    String address = p.address();
    for (ReplacementTerm term : replacements) {
      if (term.updatedValue() == null || term.updatedValue().isBlank()) {
        continue;
      }
      if (term.type() == IdentifierKind.NAME) {
        if (sameValue(IdentifierKind.NAME, name, term.existingValue(), region)) {
          name = term.updatedValue().strip();
        }
      } else if (address != null && addressIs(c, address, term, region)) {
        address = term.updatedValue().strip();
      }
    }
    return new Participant(p.id(), p.purpose(), name, address, p.userId(), p.externalContactId(), p.attributes(), p.anonymizedAt());
  }

  private static boolean addressIs(Conversation c, String address, ReplacementTerm term, String region) {
    return ParticipantIdentifiers.of(c.media(), c.messenger(), null, address, region).stream()
        .anyMatch(id -> id.kind() == term.type() && sameValue(term.type(), address, term.existingValue(), region));
  }

  private static boolean sameValue(IdentifierKind kind, String stored, String searched, String region) {
    Optional<String> a = Normalization.normalize(kind, stored, region);
    return a.isPresent() && a.equals(Normalization.normalize(kind, searched, region));
  }

  private static Participant anonymized(Participant p, Instant now) {
    return new Participant(
        p.id(),
        p.purpose(),
        p.name() == null ? null : ANONYMIZED,
        p.address() == null ? null : ANONYMIZED,
        p.userId(),
        p.externalContactId(),
        Map.of(),
        p.anonymized() ? p.anonymizedAt() : now);
  }

  /** The index holds the customer side's names and addresses of the conversation as it now is. */
  void reindex(OrgId org, Conversation c) {
    index.replace(org, SERVICE, c.id().toString(), ParticipantIdentifiers.indexed(c, index.regionOf(org)));
  }

  private Conversation locked(OrgId org, UUID conversationId) {
    if (!repository.lock(org, conversationId)) {
      throw notFound();
    }
    return repository.find(org, conversationId).orElseThrow();
  }

  private Instant now() {
    return ConversationValidator.micros(clock.instant());
  }

  static ApiException notFound() {
    return ApiException.notFound("conversation");
  }

  /**
   * The subject's share of a conversation: their participants, and the files that are theirs
   * (their own, and the unattributed ones when they are on the customer side).
   */
  record SubjectPart(List<Participant> participants, List<Attachment> files, boolean customerSide) {

    static SubjectPart of(Conversation c, SubjectMatcher matcher) {
      List<Participant> participants = c.participants().stream().filter(p -> matcher.matches(c, p)).toList();
      Set<UUID> ids = participants.stream().map(Participant::id).collect(Collectors.toSet());
      boolean customerSide = participants.stream().anyMatch(Participant::customerSide);
      List<Attachment> files =
          c.attachments().stream()
              .filter(a -> a.participantId() == null ? customerSide : ids.contains(a.participantId()))
              .toList();
      return new SubjectPart(participants, files, customerSide);
    }

    Set<UUID> participantIds() {
      return participants.stream().map(Participant::id).collect(Collectors.toSet());
    }
  }
}
