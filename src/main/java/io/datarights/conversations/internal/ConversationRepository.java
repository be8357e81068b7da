package io.datarights.conversations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.conversations.internal.Conversation.Attachment;
import io.datarights.conversations.internal.Conversation.Message;
import io.datarights.conversations.internal.Conversation.Participant;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for conversations and their participants, messages and attachments. Every query is org-scoped. */
@Repository
class ConversationRepository {

  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ConversationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ---- writes

  void insert(OrgId org, Conversation c, Instant now) {
    jdbc.sql(
            """
            insert into conversations (org_id, conversation_id, media_type, messenger_type, start_time, end_time, created_at)
            values (:org, :id, :media, :messenger, :start, :end, :now)
            """)
        .param("org", org.value())
        .param("id", c.id())
        .param("media", c.media().wire())
        .param("messenger", c.messenger() == null ? null : c.messenger().wire())
        .param("start", timestamp(c.startTime()))
        .param("end", timestamp(c.endTime()))
        .param("now", timestamp(now))
        .update();
    for (int i = 0; i < c.participants().size(); i++) {
      insertParticipant(org, c.id(), i, c.participants().get(i));
    }
    for (Message m : c.messages()) {
      insertMessage(org, c.id(), m);
    }
  }

  private void insertParticipant(OrgId org, UUID conversationId, int position, Participant p) {
    jdbc.sql(
            """
            insert into conversation_participants
              (org_id, conversation_id, participant_id, position, purpose, name, address, user_id,
               external_contact_id, attributes, anonymized_at)
            values (:org, :conversation, :id, :position, :purpose, :name, :address, :user,
                    :contact, cast(:attributes as jsonb), :anonymized)
            """)
        .param("org", org.value())
        .param("conversation", conversationId)
        .param("id", p.id())
        .param("position", position)
        .param("purpose", p.purpose())
        .param("name", p.name())
        .param("address", p.address())
        .param("user", p.userId())
        .param("contact", p.externalContactId())
        .param("attributes", toJson(p.attributes()))
        .param("anonymized", timestamp(p.anonymizedAt()))
        .update();
  }

  void insertMessage(OrgId org, UUID conversationId, Message m) {
    jdbc.sql(
            """
            insert into conversation_messages (org_id, conversation_id, message_id, participant_id, body, sent_at)
            values (:org, :conversation, :id, :participant, :body, :sent)
            """)
        .param("org", org.value())
        .param("conversation", conversationId)
        .param("id", m.id())
        .param("participant", m.participantId())
        .param("body", m.body())
        .param("sent", timestamp(m.timestamp()))
        .update();
  }

  void insertAttachment(OrgId org, UUID conversationId, Attachment a) {
    jdbc.sql(
            """
            insert into conversation_attachments
              (org_id, conversation_id, attachment_id, participant_id, kind, file_name, content_type,
               size, sha256, blob_key, created_at)
            values (:org, :conversation, :id, :participant, :kind, :fileName, :contentType,
                    :size, :sha256, :blobKey, :created)
            """)
        .param("org", org.value())
        .param("conversation", conversationId)
        .param("id", a.id())
        .param("participant", a.participantId())
        .param("kind", a.kind())
        .param("fileName", a.fileName())
        .param("contentType", a.contentType())
        .param("size", a.size())
        .param("sha256", a.sha256())
        .param("blobKey", a.blobKey())
        .param("created", timestamp(a.createdAt()))
        .update();
  }

  /** Writes a participant's name, address and attributes (rectification, edits, anonymization). */
  void updateParticipant(OrgId org, UUID conversationId, Participant p) {
    jdbc.sql(
            """
            update conversation_participants
            set name = :name, address = :address, attributes = cast(:attributes as jsonb), anonymized_at = :anonymized
            where org_id = :org and conversation_id = :conversation and participant_id = :id
            """)
        .param("org", org.value())
        .param("conversation", conversationId)
        .param("id", p.id())
        .param("name", p.name())
        .param("address", p.address())
        .param("attributes", toJson(p.attributes()))
        .param("anonymized", timestamp(p.anonymizedAt()))
        .update();
  }

  /** Something of one conversation, for writes that touch many conversations at once. */
  record Owned<T>(UUID conversationId, T value) {}

  /** Deletes these attachments' rows in one statement. */
  void deleteAttachments(OrgId org, List<Owned<Attachment>> attachments) {
    if (attachments.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            delete from conversation_attachments a
            using unnest(cast(:conversations as uuid[]), cast(:attachments as uuid[])) as t(c, id)
            where a.org_id = :org and a.conversation_id = any(cast(:batch as uuid[]))
              and a.conversation_id = t.c and a.attachment_id = t.id
            """)
        .param("org", org.value())
        .param("batch", distinctConversationIds(attachments))
        .param("conversations", conversationIds(attachments))
        .param("attachments", attachments.stream().map(a -> a.value().id().toString()).toArray(String[]::new))
        .update();
  }

  /**
   * Deletes the content of these participants' messages in one statement; the messages stay.
   * Returns the conversations in which a body was erased.
   */
  Set<UUID> eraseMessageBodies(OrgId org, List<Owned<UUID>> participants) {
    if (participants.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql(
            """
            update conversation_messages m set body = null
            where m.org_id = :org and m.conversation_id = any(cast(:batch as uuid[])) and m.body is not null
              and (m.conversation_id, m.participant_id) in
                  (select c, p from unnest(cast(:conversations as uuid[]), cast(:participants as uuid[])) as t(c, p))
            returning m.conversation_id
            """)
        .param("org", org.value())
        .param("batch", distinctConversationIds(participants))
        .param("conversations", conversationIds(participants))
        .param("participants", participants.stream().map(p -> p.value().toString()).toArray(String[]::new))
        .query(UUID.class)
        .list());
  }

  /** Writes these participants' names, addresses and attributes in one statement. */
  void updateParticipants(OrgId org, List<Owned<Participant>> participants) {
    if (participants.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update conversation_participants p
            set name = t.name, address = t.address, attributes = cast(t.attributes as jsonb), anonymized_at = t.anonymized
            from unnest(cast(:conversations as uuid[]), cast(:ids as uuid[]), cast(:names as text[]),
                        cast(:addresses as text[]), cast(:attributes as text[]), cast(:anonymized as timestamptz[]))
                 as t(c, id, name, address, attributes, anonymized)
            where p.org_id = :org and p.conversation_id = any(cast(:batch as uuid[]))
              and p.conversation_id = t.c and p.participant_id = t.id
            """)
        .param("org", org.value())
        .param("batch", distinctConversationIds(participants))
        .param("conversations", conversationIds(participants))
        .param("ids", participants.stream().map(p -> p.value().id().toString()).toArray(String[]::new))
        .param("names", participants.stream().map(p -> p.value().name()).toArray(String[]::new))
        .param("addresses", participants.stream().map(p -> p.value().address()).toArray(String[]::new))
        .param("attributes", participants.stream().map(p -> toJson(p.value().attributes())).toArray(String[]::new))
        .param("anonymized", participants.stream()
            .map(p -> p.value().anonymizedAt() == null ? null : p.value().anonymizedAt().toString())
            .toArray(String[]::new))
        .update();
  }

  /**
   * The conversations of a batch write, for an {@code = any} index condition: it keeps the write to
   * the batch's rows whatever the join plan (a hash join would read all of the org's rows).
   */
  private static String[] distinctConversationIds(List<? extends Owned<?>> owned) {
    return owned.stream().map(o -> o.conversationId().toString()).distinct().toArray(String[]::new);
  }

  private static String[] conversationIds(List<? extends Owned<?>> owned) {
    return owned.stream().map(o -> o.conversationId().toString()).toArray(String[]::new);
  }

  boolean deleteAttachment(OrgId org, UUID conversationId, UUID attachmentId) {
    return jdbc.sql(
                """
                delete from conversation_attachments
                where org_id = :org and conversation_id = :conversation and attachment_id = :id
                """)
            .param("org", org.value())
            .param("conversation", conversationId)
            .param("id", attachmentId)
            .update()
        == 1;
  }

  boolean delete(OrgId org, UUID conversationId) {
    return jdbc.sql("delete from conversations where org_id = :org and conversation_id = :id")
            .param("org", org.value())
            .param("id", conversationId)
            .update()
        == 1;
  }

  // ---- reads

  /** Locks the conversation against concurrent erasure, rectification and deletion until commit. */
  boolean lock(OrgId org, UUID conversationId) {
    return jdbc.sql("select 1 from conversations where org_id = :org and conversation_id = :id for update")
        .param("org", org.value())
        .param("id", conversationId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /**
   * Those of these conversations that exist, locked in id order (so that two erasures sharing
   * conversations wait for each other rather than deadlock), with their participants and
   * attachments but without their messages: what an erasure decides on.
   */
  List<Conversation> lockForErasure(OrgId org, Collection<UUID> conversationIds) {
    if (conversationIds.isEmpty()) {
      return List.of();
    }
    String[] ids = uuids(conversationIds);
    List<Row> rows =
        jdbc.sql(
                """
                select * from conversations
                where org_id = :org and conversation_id = any(cast(:ids as uuid[]))
                order by conversation_id
                for update
                """)
            .param("org", org.value())
            .param("ids", ids)
            .query(ConversationRepository::row)
            .list();
    Map<UUID, List<Participant>> participants = participants(org, ids);
    Map<UUID, List<Attachment>> attachments = attachments(org, ids);
    List<Conversation> result = new ArrayList<>(rows.size());
    for (Row row : rows) {
      result.add(new Conversation(
          row.id(), row.media(), row.messenger(), row.start(), row.end(),
          participants.getOrDefault(row.id(), List.of()), List.of(), attachments.getOrDefault(row.id(), List.of())));
    }
    return result;
  }

  boolean exists(OrgId org, UUID conversationId) {
    return jdbc.sql("select exists (select 1 from conversations where org_id = :org and conversation_id = :id)")
        .param("org", org.value())
        .param("id", conversationId)
        .query(Boolean.class)
        .single();
  }

  Optional<Conversation> find(OrgId org, UUID conversationId) {
    return load(org, List.of(conversationId)).stream().findFirst();
  }

  /** One page, newest first. */
  List<Conversation> list(OrgId org, PageParams page) {
    List<UUID> ids =
        jdbc.sql(
                """
                select conversation_id from conversations where org_id = :org
                order by start_time desc, conversation_id desc limit :limit offset :offset
                """)
            .param("org", org.value())
            .param("limit", page.pageSize())
            .param("offset", page.offset())
            .query(UUID.class)
            .list();
    return load(org, ids);
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from conversations where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  Optional<Attachment> findAttachment(OrgId org, UUID conversationId, UUID attachmentId) {
    return jdbc.sql(
            """
            select * from conversation_attachments
            where org_id = :org and conversation_id = :conversation and attachment_id = :id
            """)
        .param("org", org.value())
        .param("conversation", conversationId)
        .param("id", attachmentId)
        .query(ConversationRepository::attachment)
        .optional();
  }

  /** Conversations with a participant linked to one of these external contacts or users (indexed). */
  List<UUID> linkedTo(OrgId org, Collection<String> externalContactIds, Collection<String> userIds) {
    if (externalContactIds.isEmpty() && userIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select distinct conversation_id from conversation_participants
            where org_id = :org
              and (external_contact_id = any(cast(:contacts as text[])) or user_id = any(cast(:users as text[])))
            order by conversation_id
            """)
        .param("org", org.value())
        .param("contacts", externalContactIds.toArray(String[]::new))
        .param("users", userIds.toArray(String[]::new))
        .query(UUID.class)
        .list();
  }

  /**
   * Conversations in which a participant linked to these contacts or users still holds something
   * of theirs: a name or address not yet anonymized, custom attributes, a message body, or a file.
   */
  List<UUID> linkedWithDataLeft(OrgId org, Collection<String> externalContactIds, Collection<String> userIds) {
    if (externalContactIds.isEmpty() && userIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select distinct p.conversation_id from conversation_participants p
            where p.org_id = :org
              and (p.external_contact_id = any(cast(:contacts as text[])) or p.user_id = any(cast(:users as text[])))
              and (p.anonymized_at is null
                   or p.attributes <> '{}'::jsonb
                   or exists (select 1 from conversation_messages m
                              where m.org_id = p.org_id and m.conversation_id = p.conversation_id
                                and m.participant_id = p.participant_id and m.body is not null)
                   or exists (select 1 from conversation_attachments a
                              where a.org_id = p.org_id and a.conversation_id = p.conversation_id
                                and a.participant_id = p.participant_id))
            order by p.conversation_id
            """)
        .param("org", org.value())
        .param("contacts", externalContactIds.toArray(String[]::new))
        .param("users", userIds.toArray(String[]::new))
        .query(UUID.class)
        .list();
  }

  /** Conversations with their children, in the order of {@code ids}; missing ids are left out. */
  private List<Conversation> load(OrgId org, List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String[] idArray = uuids(ids);
    Map<UUID, Row> rows =
        jdbc.sql(
                """
                select * from conversations
                where org_id = :org and conversation_id = any(cast(:ids as uuid[]))
                """)
            .param("org", org.value())
            .param("ids", idArray)
            .query(ConversationRepository::row)
            .list()
            .stream()
            .collect(Collectors.toMap(Row::id, r -> r));
    Map<UUID, List<Participant>> participants = participants(org, idArray);
    Map<UUID, List<Message>> messages =
        children(
            org,
            idArray,
            "select * from conversation_messages where org_id = :org and conversation_id = any(cast(:ids as uuid[])) order by sent_at, seq",
            (rs, n) -> new Message(
                rs.getObject("message_id", UUID.class),
                rs.getObject("participant_id", UUID.class),
                rs.getString("body"),
                instant(rs, "sent_at")));
    Map<UUID, List<Attachment>> attachments = attachments(org, idArray);
    List<Conversation> result = new ArrayList<>();
    for (UUID id : ids) {
      Row row = rows.get(id);
      if (row != null) {
        result.add(
            new Conversation(
                id,
                row.media(),
                row.messenger(),
                row.start(),
                row.end(),
                participants.getOrDefault(id, List.of()),
                messages.getOrDefault(id, List.of()),
                attachments.getOrDefault(id, List.of())));
      }
    }
    return result;
  }

  private Map<UUID, List<Participant>> participants(OrgId org, String[] conversationIds) {
    return children(
        org,
        conversationIds,
        "select * from conversation_participants where org_id = :org and conversation_id = any(cast(:ids as uuid[])) order by position",
        this::participant);
  }

  private Map<UUID, List<Attachment>> attachments(OrgId org, String[] conversationIds) {
    return children(
        org,
        conversationIds,
        "select * from conversation_attachments where org_id = :org and conversation_id = any(cast(:ids as uuid[])) order by created_at, seq",
        ConversationRepository::attachment);
  }

  private record Row(UUID id, Media media, Messenger messenger, Instant start, Instant end) {}

  private interface Mapper<T> {
    T map(ResultSet rs, int rowNum) throws SQLException;
  }

  private <T> Map<UUID, List<T>> children(OrgId org, String[] ids, String sql, Mapper<T> mapper) {
    Map<UUID, List<T>> result = new LinkedHashMap<>();
    jdbc.sql(sql)
        .param("org", org.value())
        .param("ids", ids)
        .query(
            (ResultSet rs) -> {
              UUID conversationId = rs.getObject("conversation_id", UUID.class);
              result.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(mapper.map(rs, rs.getRow()));
            });
    return result;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String messenger = rs.getString("messenger_type");
    return new Row(
        rs.getObject("conversation_id", UUID.class),
        Media.parse(rs.getString("media_type")).orElseThrow(),
        messenger == null ? null : Messenger.parse(messenger).orElseThrow(),
        instant(rs, "start_time"),
        instant(rs, "end_time"));
  }

  private Participant participant(ResultSet rs, int n) throws SQLException {
    return new Participant(
        rs.getObject("participant_id", UUID.class),
        rs.getString("purpose"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getString("user_id"),
        rs.getString("external_contact_id"),
        fromJson(rs.getString("attributes")),
        instant(rs, "anonymized_at"));
  }

  private static Attachment attachment(ResultSet rs, int n) throws SQLException {
    return new Attachment(
        rs.getObject("attachment_id", UUID.class),
        rs.getObject("participant_id", UUID.class),
        rs.getString("kind"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size"),
        rs.getString("sha256"),
        rs.getString("blob_key"),
        instant(rs, "created_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String[] uuids(Collection<UUID> ids) {
    return ids.stream().map(UUID::toString).toArray(String[]::new);
  }

  private String toJson(Map<String, String> attributes) {
    try {
      return json.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("string maps always serialize", e);
    }
  }

  private Map<String, String> fromJson(String value) {
    try {
      // Most participants have none: no parser for those (an erasure reads thousands at once).
      return value == null || value.equals("{}") ? Map.of() : json.readValue(value, ATTRIBUTES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("attributes column holds a JSON object of strings", e);
    }
  }
}
