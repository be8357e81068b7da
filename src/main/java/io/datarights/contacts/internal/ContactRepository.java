package io.datarights.contacts.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.contacts.internal.ContactFields.Address;
import io.datarights.contacts.internal.ContactFields.AppleMessagesId;
import io.datarights.contacts.internal.ContactFields.ExternalId;
import io.datarights.contacts.internal.ContactFields.FacebookId;
import io.datarights.contacts.internal.ContactFields.InstagramId;
import io.datarights.contacts.internal.ContactFields.Phone;
import io.datarights.contacts.internal.ContactFields.TwitterId;
import io.datarights.contacts.internal.ContactFields.WhatsAppId;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactRepository {

  private static final TypeReference<List<ExternalId>> EXTERNAL_IDS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> CUSTOM_FIELDS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ContactRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(OrgId org, StoredContact contact) {
    jdbc.sql(
            """
            insert into external_contacts (
              org_id, contact_id, first_name, middle_name, last_name, title,
              work_phone, cell_phone, home_phone, other_phone,
              work_email, personal_email, other_email, address,
              twitter_screen_name, facebook_display_name, instagram_screen_name,
              whatsapp_phone, whatsapp_display_name, apple_messages_id,
              external_ids, custom_fields, canonical_contact_id, created_at, modified_at)
            values (
              :org, :id, :firstName, :middleName, :lastName, :title,
              :workPhone::jsonb, :cellPhone::jsonb, :homePhone::jsonb, :otherPhone::jsonb,
              :workEmail, :personalEmail, :otherEmail, :address::jsonb,
              :twitter, :facebook, :instagram,
              :whatsAppPhone::jsonb, :whatsAppName, :appleMessages,
              :externalIds::jsonb, :customFields::jsonb, :canonical, :created, :modified)
            """)
        .params(fieldParams(contact.fields()))
        .param("org", org.value())
        .param("id", contact.id())
        .param("canonical", contact.canonicalId())
        .param("created", utc(contact.createdAt()))
        .param("modified", utc(contact.modifiedAt()))
        .update();
  }

  /** Replaces the editable fields; membership and creation date stay. False if there is no such contact. */
  boolean updateFields(OrgId org, UUID id, ContactFields fields, Instant now) {
    return jdbc.sql(
                """
                update external_contacts set
                  first_name = :firstName, middle_name = :middleName, last_name = :lastName, title = :title,
                  work_phone = :workPhone::jsonb, cell_phone = :cellPhone::jsonb,
                  home_phone = :homePhone::jsonb, other_phone = :otherPhone::jsonb,
                  work_email = :workEmail, personal_email = :personalEmail, other_email = :otherEmail,
                  address = :address::jsonb,
                  twitter_screen_name = :twitter, facebook_display_name = :facebook,
                  instagram_screen_name = :instagram,
                  whatsapp_phone = :whatsAppPhone::jsonb, whatsapp_display_name = :whatsAppName,
                  apple_messages_id = :appleMessages,
                  external_ids = :externalIds::jsonb, custom_fields = :customFields::jsonb,
                  modified_at = :modified
                where org_id = :org and contact_id = :id
                """)
            .params(fieldParams(fields))
            .param("org", org.value())
            .param("id", id)
            .param("modified", utc(now))
            .update()
        == 1;
  }

  Optional<StoredContact> find(OrgId org, UUID id) {
    return jdbc.sql("select * from external_contacts where org_id = :org and contact_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** The contact, its row locked until the transaction ends (read-modify-write). */
  Optional<StoredContact> findForUpdate(OrgId org, UUID id) {
    return jdbc.sql("select * from external_contacts where org_id = :org and contact_id = :id for update")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  List<StoredContact> findAll(OrgId org, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from external_contacts
            where org_id = :org and contact_id = any(:ids::uuid[])
            order by created_at, contact_id
            """)
        .param("org", org.value())
        .param("ids", ids.toArray(UUID[]::new))
        .query(this::map)
        .list();
  }

  List<StoredContact> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from external_contacts where org_id = :org
            order by created_at, contact_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from external_contacts where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  /** The members of merge sets by their canonical contact: the canonical first, then by age. */
  Map<UUID, List<UUID>> membersOf(OrgId org, Collection<UUID> canonicalIds) {
    Map<UUID, List<UUID>> result = new LinkedHashMap<>();
    if (canonicalIds.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            select canonical_contact_id, contact_id from external_contacts
            where org_id = :org and canonical_contact_id = any(:ids::uuid[])
            order by canonical_contact_id, contact_id <> canonical_contact_id, created_at, contact_id
            """)
        .param("org", org.value())
        .param("ids", canonicalIds.toArray(UUID[]::new))
        .query(
            (ResultSet rs) -> {
              result
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return result;
  }

  List<UUID> membersOf(OrgId org, UUID canonicalId) {
    return membersOf(org, List.of(canonicalId)).getOrDefault(canonicalId, List.of());
  }

  /** Puts these contacts into the set of {@code canonicalId}, or into no set when it is null. */
  void setCanonical(OrgId org, Collection<UUID> ids, UUID canonicalId, Instant now) {
    jdbc.sql(
            """
            update external_contacts set canonical_contact_id = :canonical, modified_at = :modified
            where org_id = :org and contact_id = any(:ids::uuid[])
            """)
        .param("org", org.value())
        .param("ids", ids.toArray(UUID[]::new))
        .param("canonical", canonicalId)
        .param("modified", utc(now))
        .update();
  }

  /**
   * The contacts that exist among {@code ids}, each with its merge set's canonical contact (null in
   * no set), rows locked until the transaction ends. Locked in id order, so that two erasures
   * sharing contacts wait for each other rather than deadlock.
   */
  Map<UUID, UUID> lockAll(OrgId org, Collection<UUID> ids) {
    Map<UUID, UUID> result = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            select contact_id, canonical_contact_id from external_contacts
            where org_id = :org and contact_id = any(:ids::uuid[])
            order by contact_id
            for update
            """)
        .param("org", org.value())
        .param("ids", ids.toArray(UUID[]::new))
        .query((ResultSet rs) -> {
          result.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
    return result;
  }

  /** The ids among {@code ids} that name a contact of the org. */
  java.util.Set<UUID> existing(OrgId org, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql("select contact_id from external_contacts where org_id = :org and contact_id = any(:ids::uuid[])")
            .param("org", org.value())
            .param("ids", ids.toArray(UUID[]::new))
            .query(UUID.class)
            .list());
  }

  long deleteAll(OrgId org, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from external_contacts where org_id = :org and contact_id = any(:ids::uuid[])")
        .param("org", org.value())
        .param("ids", ids.toArray(UUID[]::new))
        .update();
  }

  /**
   * Serializes changes of the org's merge sets (merges, deletions) until the transaction ends, so
   * that two of them never see a set half-changed. Other orgs are not held up.
   */
  void lockMergeSets(OrgId org) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended('external_contacts.merge_sets:' || :org, 0))")
        .param("org", org.value().toString())
        .query((rs, row) -> 1)
        .single();
  }

  /** The editable columns' values, JSON columns as JSON text. */
  Map<String, Object> fieldParams(ContactFields f) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("firstName", f.firstName());
    p.put("middleName", f.middleName());
    p.put("lastName", f.lastName());
    p.put("title", f.title());
    p.put("workPhone", write(f.workPhone()));
    p.put("cellPhone", write(f.cellPhone()));
    p.put("homePhone", write(f.homePhone()));
    p.put("otherPhone", write(f.otherPhone()));
    p.put("workEmail", f.workEmail());
    p.put("personalEmail", f.personalEmail());
    p.put("otherEmail", f.otherEmail());
    p.put("address", write(f.address()));
    p.put("twitter", f.twitterId() == null ? null : f.twitterId().screenName());
    p.put("facebook", f.facebookId() == null ? null : f.facebookId().displayName());
    p.put("instagram", f.instagramId() == null ? null : f.instagramId().screenName());
    p.put("whatsAppPhone", f.whatsAppId() == null ? null : write(f.whatsAppId().phoneNumber()));
    p.put("whatsAppName", f.whatsAppId() == null ? null : f.whatsAppId().displayName());
    p.put("appleMessages", f.appleMessagesId() == null ? null : f.appleMessagesId().value());
    p.put("externalIds", write(f.externalIds()));
    p.put("customFields", write(f.customFields()));
    return p;
  }

  private StoredContact map(ResultSet rs, int row) throws SQLException {
    ContactFields.Builder b = new ContactFields.Builder();
    b.firstName = rs.getString("first_name");
    b.middleName = rs.getString("middle_name");
    b.lastName = rs.getString("last_name");
    b.title = rs.getString("title");
    b.workPhone = read(rs.getString("work_phone"), Phone.class);
    b.cellPhone = read(rs.getString("cell_phone"), Phone.class);
    b.homePhone = read(rs.getString("home_phone"), Phone.class);
    b.otherPhone = read(rs.getString("other_phone"), Phone.class);
    b.workEmail = rs.getString("work_email");
    b.personalEmail = rs.getString("personal_email");
    b.otherEmail = rs.getString("other_email");
    b.address = read(rs.getString("address"), Address.class);
    b.twitterId = ifPresent(rs.getString("twitter_screen_name"), TwitterId::new);
    b.facebookId = ifPresent(rs.getString("facebook_display_name"), FacebookId::new);
    b.instagramId = ifPresent(rs.getString("instagram_screen_name"), InstagramId::new);
    Phone whatsAppPhone = read(rs.getString("whatsapp_phone"), Phone.class);
    String whatsAppName = rs.getString("whatsapp_display_name");
    b.whatsAppId = whatsAppPhone == null && whatsAppName == null ? null : new WhatsAppId(whatsAppPhone, whatsAppName);
    b.appleMessagesId = ifPresent(rs.getString("apple_messages_id"), AppleMessagesId::new);
    b.externalIds = read(rs.getString("external_ids"), EXTERNAL_IDS);
    b.customFields = read(rs.getString("custom_fields"), CUSTOM_FIELDS);
    return new StoredContact(
        rs.getObject("contact_id", UUID.class),
        b.build(),
        rs.getObject("canonical_contact_id", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("modified_at", OffsetDateTime.class).toInstant());
  }

  private static <T> T ifPresent(String value, java.util.function.Function<String, T> make) {
    return value == null ? null : make.apply(value);
  }

  private String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("contact field not serializable", e);
    }
  }

  private <T> T read(String value, Class<T> type) {
    return value == null ? null : json.convertValue(parse(value), type);
  }

  private <T> T read(String value, TypeReference<T> type) {
    return value == null ? null : json.convertValue(parse(value), type);
  }

  private com.fasterxml.jackson.databind.JsonNode parse(String value) {
    try {
      return json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored contact field is not JSON", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
