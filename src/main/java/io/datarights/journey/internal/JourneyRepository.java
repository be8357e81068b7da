package io.datarights.journey.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.journey.internal.Records.StoredConsent;
import io.datarights.journey.internal.Records.StoredEvent;
import io.datarights.journey.internal.Records.StoredSession;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JourneyRepository {

  private static final TypeReference<LinkedHashMap<String, String>> TRAITS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  JourneyRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // --- consent

  /** Records a grant or a withdrawal, keeping when the other last happened. */
  StoredConsent saveConsent(OrgId org, CustomerKey customer, boolean tracking, Instant now) {
    return jdbc.sql(
            """
            insert into journey_consents as c (org_id, customer_id_type, customer_id, tracking, consented_at, withdrawn_at, updated_at)
            values (:org, :type, :id, :tracking,
                    case when :tracking then :now end, case when :tracking then null else :now end, :now)
            on conflict (org_id, customer_id_type, customer_id) do update set
              tracking = excluded.tracking,
              consented_at = coalesce(excluded.consented_at, c.consented_at),
              withdrawn_at = coalesce(excluded.withdrawn_at, c.withdrawn_at),
              updated_at = excluded.updated_at
            returning *
            """)
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .param("tracking", tracking)
        .param("now", utc(now))
        .query(JourneyRepository::consent)
        .single();
  }

  Optional<StoredConsent> findConsent(OrgId org, CustomerKey customer) {
    return jdbc.sql(
            "select * from journey_consents where org_id = :org and customer_id_type = :type and customer_id = :id")
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .query(JourneyRepository::consent)
        .optional();
  }

  /**
   * Whether tracking is consented, holding the consent row until the transaction ends, so that a
   * withdrawal waits for an event being written instead of racing it.
   */
  boolean trackingConsented(OrgId org, CustomerKey customer) {
    return jdbc.sql(
            """
            select tracking from journey_consents
            where org_id = :org and customer_id_type = :type and customer_id = :id
            for share
            """)
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  // --- sessions

  /** Creates the session if it does not exist, then returns it locked for the event being added. */
  StoredSession lockOrCreateSession(OrgId org, UUID sessionId, CustomerKey customer, Instant at) {
    jdbc.sql(
            """
            insert into journey_sessions (org_id, session_id, customer_id_type, customer_id, created_at, last_event_at, event_count)
            values (:org, :session, :type, :id, :at, :at, 0)
            on conflict (org_id, session_id) do nothing
            """)
        .param("org", org.value())
        .param("session", sessionId)
        .param("type", customer.type())
        .param("id", customer.id())
        .param("at", utc(at))
        .update();
    return jdbc.sql("select * from journey_sessions where org_id = :org and session_id = :session for update")
        .param("org", org.value())
        .param("session", sessionId)
        .query(JourneyRepository::session)
        .single();
  }

  void countEvent(OrgId org, UUID sessionId, Instant at) {
    jdbc.sql(
            """
            update journey_sessions
            set event_count = event_count + 1, created_at = least(created_at, :at), last_event_at = greatest(last_event_at, :at)
            where org_id = :org and session_id = :session
            """)
        .param("org", org.value())
        .param("session", sessionId)
        .param("at", utc(at))
        .update();
  }

  Optional<StoredSession> findSession(OrgId org, UUID sessionId) {
    return jdbc.sql("select * from journey_sessions where org_id = :org and session_id = :session")
        .param("org", org.value())
        .param("session", sessionId)
        .query(JourneyRepository::session)
        .optional();
  }

  /** A customer's sessions, newest first. */
  List<StoredSession> sessions(OrgId org, CustomerKey customer, PageParams page) {
    return jdbc.sql(
            """
            select * from journey_sessions
            where org_id = :org and customer_id_type = :type and customer_id = :id
            order by created_at desc, session_id
            limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(JourneyRepository::session)
        .list();
  }

  long countSessions(OrgId org, CustomerKey customer) {
    return jdbc.sql(
            "select count(*) from journey_sessions where org_id = :org and customer_id_type = :type and customer_id = :id")
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .query(Long.class)
        .single();
  }

  // --- events

  void insertEvent(StoredEvent event) {
    jdbc.sql(
            """
            insert into journey_events (org_id, event_id, session_id, customer_id_type, customer_id, event_type,
                                        page_url, page_title, traits, created_at, received_at)
            values (:org, :id, :session, :type, :customer, :eventType, :url, :title, cast(:traits as jsonb), :created, :received)
            """)
        .param("org", event.orgId().value())
        .param("id", event.id())
        .param("session", event.sessionId())
        .param("type", event.customer().type())
        .param("customer", event.customer().id())
        .param("eventType", event.eventType())
        .param("url", event.pageUrl())
        .param("title", event.pageTitle())
        .param("traits", write(event.traits()))
        .param("created", utc(event.createdAt()))
        .param("received", utc(event.receivedAt()))
        .update();
  }

  /** A session's events in the order they happened. */
  List<StoredEvent> events(OrgId org, UUID sessionId, PageParams page) {
    return jdbc.sql(
            """
            select * from journey_events where org_id = :org and session_id = :session
            order by created_at, event_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("session", sessionId)
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::event)
        .list();
  }

  /** A customer's events after an id, in PostgreSQL's uuid order: for reading them all in batches. */
  List<StoredEvent> customerEventsAfter(OrgId org, CustomerKey customer, UUID after, int limit) {
    return jdbc.sql(
            """
            select * from journey_events
            where org_id = :org and customer_id_type = :type and customer_id = :id and event_id > :after
            order by event_id limit :limit
            """)
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .param("after", after)
        .param("limit", limit)
        .query(this::event)
        .list();
  }

  /** The distinct trait sets of a customer's events: what identifies them. */
  List<Map<String, String>> customerTraits(OrgId org, CustomerKey customer) {
    return jdbc.sql(
            """
            select distinct traits from journey_events
            where org_id = :org and customer_id_type = :type and customer_id = :id and traits <> '{}'::jsonb
            """)
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .query((rs, row) -> (Map<String, String>) read(rs.getString(1)))
        .list();
  }

  void updateTraits(StoredEvent event) {
    jdbc.sql("update journey_events set traits = cast(:traits as jsonb) where org_id = :org and event_id = :id")
        .param("org", event.orgId().value())
        .param("id", event.id())
        .param("traits", write(event.traits()))
        .update();
  }

  // --- whole customers

  /** How many rows (consent, sessions, events) the customer has. */
  long countRecords(OrgId org, CustomerKey customer) {
    return jdbc.sql(
            """
            select (select count(*) from journey_consents where org_id = :org and customer_id_type = :type and customer_id = :id)
                 + (select count(*) from journey_sessions where org_id = :org and customer_id_type = :type and customer_id = :id)
                 + (select count(*) from journey_events where org_id = :org and customer_id_type = :type and customer_id = :id)
            """)
        .param("org", org.value())
        .param("type", customer.type())
        .param("id", customer.id())
        .query(Long.class)
        .single();
  }

  /** The rows each of these customers has (consents, sessions, events), in a single query. */
  Map<CustomerKey, Long> countRecords(OrgId org, java.util.Collection<CustomerKey> customers) {
    Map<CustomerKey, Long> result = new LinkedHashMap<>();
    if (customers.isEmpty()) {
      return result;
    }
    jdbc.sql(
            """
            select c.t, c.i,
                   (select count(*) from journey_consents where org_id = :org and customer_id_type = c.t and customer_id = c.i)
                 + (select count(*) from journey_sessions where org_id = :org and customer_id_type = c.t and customer_id = c.i)
                 + (select count(*) from journey_events where org_id = :org and customer_id_type = c.t and customer_id = c.i)
            from unnest(:types::text[], :ids::text[]) as c(t, i)
            """)
        .param("org", org.value())
        .param("types", customers.stream().map(CustomerKey::type).toArray(String[]::new))
        .param("ids", customers.stream().map(CustomerKey::id).toArray(String[]::new))
        .query((ResultSet rs) -> {
          result.merge(new CustomerKey(rs.getString(1), rs.getString(2)), rs.getLong(3), Long::sum);
        });
    return result;
  }

  /** Deletes every row of these customers in one statement per table; returns how many there were. */
  long deleteCustomers(OrgId org, java.util.Collection<CustomerKey> customers) {
    if (customers.isEmpty()) {
      return 0;
    }
    String[] types = customers.stream().map(CustomerKey::type).toArray(String[]::new);
    String[] ids = customers.stream().map(CustomerKey::id).toArray(String[]::new);
    long deleted = 0;
    for (String table : List.of("journey_events", "journey_sessions", "journey_consents")) {
      deleted +=
          jdbc.sql(
                  "delete from " + table + " r where r.org_id = :org and r.customer_id_type = any(:types::text[]) and r.customer_id = any(:ids::text[])"
                      + " and (r.customer_id_type, r.customer_id) in (select t, i from unnest(:types::text[], :ids::text[]) as c(t, i))")
              .param("org", org.value())
              .param("types", types)
              .param("ids", ids)
              .update();
    }
    return deleted;
  }

  /** Deletes every row of the customer; returns how many there were. */
  long deleteCustomer(OrgId org, CustomerKey customer) {
    long deleted = 0;
    for (String table : List.of("journey_events", "journey_sessions", "journey_consents")) {
      deleted +=
          jdbc.sql("delete from " + table + " where org_id = :org and customer_id_type = :type and customer_id = :id")
              .param("org", org.value())
              .param("type", customer.type())
              .param("id", customer.id())
              .update();
    }
    return deleted;
  }

  // --- mapping

  private static StoredConsent consent(ResultSet rs, int row) throws SQLException {
    return new StoredConsent(
        new CustomerKey(rs.getString("customer_id_type"), rs.getString("customer_id")),
        rs.getBoolean("tracking"),
        instant(rs, "consented_at"),
        instant(rs, "withdrawn_at"),
        instant(rs, "updated_at"));
  }

  private static StoredSession session(ResultSet rs, int row) throws SQLException {
    return new StoredSession(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("session_id", UUID.class),
        new CustomerKey(rs.getString("customer_id_type"), rs.getString("customer_id")),
        instant(rs, "created_at"),
        instant(rs, "last_event_at"),
        rs.getInt("event_count"));
  }

  private StoredEvent event(ResultSet rs, int row) throws SQLException {
    return new StoredEvent(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("event_id", UUID.class),
        rs.getObject("session_id", UUID.class),
        new CustomerKey(rs.getString("customer_id_type"), rs.getString("customer_id")),
        rs.getString("event_type"),
        rs.getString("page_url"),
        rs.getString("page_title"),
        read(rs.getString("traits")),
        instant(rs, "created_at"),
        instant(rs, "received_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private String write(Map<String, String> traits) {
    try {
      return json.writeValueAsString(traits);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("traits not serializable", e);
    }
  }

  private LinkedHashMap<String, String> read(String value) {
    try {
      return json.readValue(value, TRAITS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("traits column unreadable", e);
    }
  }
}
