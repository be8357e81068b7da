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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** Deletes the content of the participants' messages; the messages stay for statistics. */
  int eraseMessageBodies(OrgId org, UUID conversationId, Collection<UUID> participantIds) {
    if (participantIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            update conversation_messages set body = null
            where org_id = :org and conversation_id = :conversation
              and participant_id = any(cast(:participants as uuid[])) and body is not null
            """)
        .param("org", org.value())
        .param("conversation", conversationId)
        .param("participants", uuids(participantIds))
        .update();
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
    Map<UUID, List<Participant>> participants =
        children(
            org,
            idArray,
            "select * from conversation_participants where org_id = :org and conversation_id = any(cast(:ids as uuid[])) order by position",
            this::participant);
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
    Map<UUID, List<Attachment>> attachments =
        children(
            org,
            idArray,
            "select * from conversation_attachments where org_id = :org and conversation_id = any(cast(:ids as uuid[])) order by created_at, seq",
            ConversationRepository::attachment);
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
      return value == null ? Map.of() : json.readValue(value, ATTRIBUTES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("attributes column holds a JSON object of strings", e);
    }
  }
}
