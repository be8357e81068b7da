package io.datarights.conversations.internal;

import io.datarights.blobs.BlobNotFoundException;
import io.datarights.blobs.BlobRef;
import io.datarights.blobs.BlobStore;
import io.datarights.blobs.BlobTooLargeException;
import io.datarights.conversations.internal.Conversation.Attachment;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Attachments and recordings of conversations: metadata in the table, content in the blob store. */
@Service
class AttachmentService {

  static final String ATTACHMENT = "attachment";
  static final String RECORDING = "recording";
  private static final Set<String> KINDS = Set.of(ATTACHMENT, RECORDING);
  private static final int MAX_FILE_NAME = 255;

  private final ConversationService conversations;
  private final ConversationRepository repository;
  private final BlobStore blobs;
  private final ConversationsProperties properties;
  private final Clock clock;

  AttachmentService(
      ConversationService conversations,
      ConversationRepository repository,
      BlobStore blobs,
      ConversationsProperties properties,
      Clock clock) {
    this.conversations = conversations;
    this.repository = repository;
    this.blobs = blobs;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Stores the file, then its row. Everything is checked before the first byte is stored; a file
   * over the limit is refused with nothing kept, and a row that cannot be written takes its file
   * with it.
   */
  Attachment upload(OrgId org, String conversationId, MultipartFile file, String participantId, String kind) {
    Conversation conversation = conversations.get(org, conversationId);
    Violations v = new Violations();
    String chosenKind = kind == null || kind.isBlank() ? ATTACHMENT : kind.strip();
    if (!KINDS.contains(chosenKind)) {
      v.add("kind", "must be attachment or recording.");
    }
    UUID participant = null;
    if (participantId != null && !participantId.isBlank()) {
      participant = Ids.parse(participantId.strip()).filter(id -> conversation.participant(id).isPresent()).orElse(null);
      if (participant == null) {
        v.add("participantId", "must be the id of one of the conversation's participants.");
      }
    }
    if (file.isEmpty()) {
      v.add("file", "must not be empty.");
    }
    v.throwIfAny();
    long limit = properties.maxAttachmentSize().toBytes();
    if (file.getSize() > limit) {
      throw new BlobTooLargeException(limit);
    }
    BlobRef blob;
    try (InputStream content = file.getInputStream()) {
      blob = blobs.put(org, chosenKind, content, limit);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Attachment attachment =
        new Attachment(
            UUID.randomUUID(),
            participant,
            chosenKind,
            fileName(file.getOriginalFilename()),
            contentType(file.getContentType()),
            blob.size(),
            blob.sha256(),
            blob.key(),
            ConversationValidator.micros(clock.instant()));
    try {
      repository.insertAttachment(org, conversation.id(), attachment);
    } catch (RuntimeException e) {
      blobs.delete(org, blob.key());
      if (e instanceof DataIntegrityViolationException) {
        // The conversation or participant went away while the file was being stored.
        throw ConversationService.notFound();
      }
      throw e;
    }
    return attachment;
  }

  Attachment metadata(OrgId org, String conversationId, String attachmentId) {
    UUID conversation = Ids.existingOrNotFound(conversationId, "conversation");
    UUID attachment = Ids.existingOrNotFound(attachmentId, "attachment");
    return repository.findAttachment(org, conversation, attachment).orElseThrow(AttachmentService::attachmentNotFound);
  }

  /** An attachment and its open content, for the caller to stream and close. */
  record Download(Attachment attachment, InputStream content) {}

  Download open(OrgId org, String conversationId, String attachmentId) {
    Attachment attachment = metadata(org, conversationId, attachmentId);
    try {
      return new Download(attachment, blobs.open(org, attachment.blobKey()));
    } catch (BlobNotFoundException e) {
      // Only while an erasure interrupted by a crash waits to be run again.
      throw attachmentNotFound();
    }
  }

  @Transactional
  void delete(OrgId org, String conversationId, String attachmentId) {
    Attachment attachment = metadata(org, conversationId, attachmentId);
    UUID conversation = Ids.existingOrNotFound(conversationId, "conversation");
    if (repository.deleteAttachment(org, conversation, attachment.id())) {
      blobs.delete(org, attachment.blobKey());
    }
  }

  /** The client's file name, kept as metadata only: never a path, never a header as it is. */
  static String fileName(String original) {
    String name = original == null ? "" : original.replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      return "attachment";
    }
    return name.length() > MAX_FILE_NAME ? name.substring(0, MAX_FILE_NAME) : name;
  }

  static String contentType(String given) {
    return Optional.ofNullable(given)
        .flatMap(
            value -> {
              try {
                MediaType type = MediaType.parseMediaType(value);
                return type.isConcrete() ? Optional.of(type.toString()) : Optional.empty();
              } catch (InvalidMediaTypeException e) {
                return Optional.empty();
              }
            })
        .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
  }

  private static ApiException attachmentNotFound() {
    return ApiException.notFound("attachment");
  }
}
