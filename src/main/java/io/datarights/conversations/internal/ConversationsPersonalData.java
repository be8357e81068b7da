package io.datarights.conversations.internal;

import io.datarights.blobs.BlobStore;
import io.datarights.conversations.internal.Conversation.Attachment;
import io.datarights.conversations.internal.Conversation.Message;
import io.datarights.conversations.internal.Conversation.Participant;
import io.datarights.conversations.internal.ConversationService.SubjectPart;
import io.datarights.conversations.internal.ConversationService.SubjectResult;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.OrgId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Conversations in GDPR processing. A conversation is not a subject of its own: it belongs to a
 * subject when a customer-side participant's name or address matches a searched identifier (an
 * index lookup), or when a participant is linked to a searched external contact or user (an
 * indexed column). Erasure anonymizes: the interaction stays for statistics, the subject's part of
 * it goes.
 */
@Component
class ConversationsPersonalData implements PersonalDataService {

  private final ConversationRepository repository;
  private final ConversationService conversations;
  private final IdentifierIndex index;
  private final BlobStore blobs;

  ConversationsPersonalData(
      ConversationRepository repository, ConversationService conversations, IdentifierIndex index, BlobStore blobs) {
    this.repository = repository;
    this.conversations = conversations;
    this.index = index;
    this.blobs = blobs;
  }

  @Override
  public String name() {
    return ConversationService.SERVICE;
  }

  @Override
  public InventoryEntry inventory() {
    return new InventoryEntry(
        name(),
        "Interactions of the contact centre (voice, e-mail, messaging via Facebook, WhatsApp, X/Twitter, "
            + "Instagram, Apple Messages or open messaging, web chat, web messaging) with their participants, "
            + "message bodies, attachments and call recordings.",
        List.of(
            new InventoryEntry.Field("participants.name", "identity", true),
            new InventoryEntry.Field("participants.address", "contact details (phone number, e-mail address, messaging handle)", true),
            new InventoryEntry.Field("participants.externalContactId", "identifier (link to the external contact)", true),
            new InventoryEntry.Field("participants.userId", "identifier (link to the employee)", true),
            new InventoryEntry.Field("participants.attributes", "custom participant attributes (free form; not searched, found by the PII scanner)", false),
            new InventoryEntry.Field("messages.body", "content of communications", false),
            new InventoryEntry.Field("attachments", "files exchanged in the interaction", false),
            new InventoryEntry.Field("recordings", "voice recordings of calls", false),
            new InventoryEntry.Field("startTime, endTime, mediaType", "interaction metadata", false)),
        List.of("customers and other external parties of the contact centre", "employees (agents)"),
        List.of(
            "handling customer enquiries and service requests",
            "quality assurance and training",
            "contact-centre statistics and workforce planning"),
        "Art. 6(1)(b) GDPR (performance of a contract or steps prior to it) and Art. 6(1)(f) GDPR "
            + "(legitimate interest in service quality and statistics)",
        List.of("agents and supervisors of the organization", "the organization's contact-centre platform provider (processor)"),
        "As long as the organization's retention policy for interactions says; after erasure only anonymized "
            + "interaction metadata is kept, for statistics.",
        "Collected from the data subject during the interaction, and from the contact-centre platform "
            + "(agent identities, routing metadata).",
        ErasureMode.ANONYMIZE);
  }

  /** Conversations are not subjects themselves; they belong to the subjects of other services. */
  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Identifier identifier) {
    return List.of();
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Collection<String> indexedRecordIds) {
    return List.of();
  }

  @Override
  public Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref) {
    return Optional.empty();
  }

  @Override
  public ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink) {
    SubjectMatcher matcher = matcher(org, terms);
    long exported = 0;
    for (UUID id : candidates(org, terms, matcher)) {
      Optional<Conversation> found = repository.find(org, id);
      if (found.isEmpty()) {
        continue;
      }
      Conversation c = found.get();
      SubjectPart part = SubjectPart.of(c, matcher);
      if (part.participants().isEmpty()) {
        continue;
      }
      List<Attachment> files = part.files().stream().filter(a -> blobs.exists(org, a.blobKey())).toList();
      sink.record("conversation", c.id().toString(), exportFields(c, part, files));
      for (Attachment file : files) {
        sink.file(c.id().toString(), file.fileName(), file.contentType(), file.size(), () -> blobs.open(org, file.blobKey()));
      }
      exported++;
    }
    return ServiceOutcome.exported(exported, exported);
  }

  /**
   * The subject's view of the conversation. A customer-side subject gets the whole dialogue they
   * took part in; anyone else (an agent) only their own messages. Other participants appear by id
   * and purpose alone: their names and addresses are someone else's personal data (Art. 15(4)).
   */
  private static Map<String, Object> exportFields(Conversation c, SubjectPart part, List<Attachment> files) {
    Set<UUID> subjectIds = part.participantIds();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("mediaType", c.media().wire());
    putIfPresent(fields, "messengerType", c.messenger() == null ? null : c.messenger().wire());
    fields.put("startTime", c.startTime().toString());
    putIfPresent(fields, "endTime", c.endTime() == null ? null : c.endTime().toString());
    List<Map<String, Object>> participants = new ArrayList<>();
    for (Participant p : c.participants()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", p.id().toString());
      view.put("purpose", p.purpose());
      if (subjectIds.contains(p.id())) {
        view.put("subject", true);
        putIfPresent(view, "name", p.name());
        putIfPresent(view, "address", p.address());
        putIfPresent(view, "userId", p.userId());
        putIfPresent(view, "externalContactId", p.externalContactId());
        view.put("attributes", p.attributes());
        if (p.anonymized()) {
          view.put("anonymized", true);
        }
      }
      participants.add(view);
    }
    fields.put("participants", participants);
    List<Map<String, Object>> messages = new ArrayList<>();
    for (Message m : c.messages()) {
      if (part.customerSide() || subjectIds.contains(m.participantId())) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", m.id().toString());
        view.put("participantId", m.participantId().toString());
        putIfPresent(view, "body", m.body());
        view.put("timestamp", m.timestamp().toString());
        messages.add(view);
      }
    }
    fields.put("messages", messages);
    List<Map<String, Object>> attachments = new ArrayList<>();
    for (Attachment a : files) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", a.id().toString());
      putIfPresent(view, "participantId", a.participantId() == null ? null : a.participantId().toString());
      view.put("kind", a.kind());
      view.put("fileName", a.fileName());
      view.put("contentType", a.contentType());
      view.put("size", a.size());
      view.put("sha256", a.sha256());
      attachments.add(view);
    }
    fields.put("attachments", attachments);
    return fields;
  }

  @Override
  public ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements) {
    SubjectMatcher matcher = matcher(org, terms);
    long matched = 0;
    long updated = 0;
    for (UUID id : candidates(org, terms, matcher)) {
      SubjectResult result = conversations.rectify(org, id, matcher, replacements);
      matched += result.matched() ? 1 : 0;
      updated += result.changed() ? 1 : 0;
    }
    return ServiceOutcome.updated(matched, updated);
  }

  /**
   * Anonymizes the conversations in batches of {@value #ERASE_BATCH}, each batch in a few statements
   * and its own transaction: an erasure of thousands of subjects runs in set-based writes, and a
   * crash loses no more than one batch (re-running finishes it).
   */
  @Override
  public ServiceOutcome erase(OrgId org, SubjectTerms terms) {
    SubjectMatcher matcher = matcher(org, terms);
    List<UUID> ids = new ArrayList<>(candidates(org, terms, matcher));
    long matched = 0;
    long anonymized = 0;
    for (int from = 0; from < ids.size(); from += ERASE_BATCH) {
      ConversationService.ErasedCount batch =
          conversations.eraseAll(org, ids.subList(from, Math.min(ids.size(), from + ERASE_BATCH)), matcher);
      matched += batch.matched();
      anonymized += batch.changed();
    }
    return ServiceOutcome.erased(matched, 0, anonymized);
  }

  /** Conversations anonymized per transaction. */
  static final int ERASE_BATCH = 1000;

  /**
   * Conversations a search still finds by the subject's identifiers, plus those where a linked
   * participant still holds a name, address, message body or file. Anonymized conversations kept
   * for statistics are not counted.
   */
  @Override
  public long remaining(OrgId org, SubjectTerms terms) {
    SubjectMatcher matcher = matcher(org, terms);
    Set<UUID> ids = new TreeSet<>(indexed(org, terms));
    ids.addAll(repository.linkedWithDataLeft(org, matcher.externalContactIds(), matcher.userIds()));
    return ids.size();
  }

  private SubjectMatcher matcher(OrgId org, SubjectTerms terms) {
    return new SubjectMatcher(terms, index.regionOf(org));
  }

  private Set<UUID> candidates(OrgId org, SubjectTerms terms, SubjectMatcher matcher) {
    Set<UUID> ids = new TreeSet<>(indexed(org, terms));
    ids.addAll(repository.linkedTo(org, matcher.externalContactIds(), matcher.userIds()));
    return ids;
  }

  private Set<UUID> indexed(OrgId org, SubjectTerms terms) {
    Set<UUID> ids = new TreeSet<>();
    index.lookupAny(org, terms.identifiers(), name()).forEach(id -> ids.add(UUID.fromString(id)));
    return ids;
  }

  private static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
