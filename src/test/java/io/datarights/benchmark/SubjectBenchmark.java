package io.datarights.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.Multipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One subject with {@code size} records — 90 % dialer contacts, 10 % conversations, one 64 KB
 * attachment per hundred records — exported and then erased through the API (POST to COMPLETED),
 * against a twin subject of the same shape read and erased by the minimal SQL statements.
 */
final class SubjectBenchmark {

  private static final String CUSTOMER = "11111111-1111-4111-8111-111111111111";
  private static final String AGENT = "22222222-2222-4222-8222-222222222222";

  private SubjectBenchmark() {}

  record Shape(int dialerContacts, int conversations, int attachments) {
    static Shape of(int size) {
      int conversations = Math.max(1, size / 10);
      return new Shape(size - conversations, conversations, Math.max(1, size / 100));
    }
  }

  static void measure(Api api, Connection jdbc, UUID org, Path dataDir, int size, Report report) throws Exception {
    Shape shape = Shape.of(size);
    String subject = "subject-" + size + "@bench.example";
    String twin = "twin-" + size + "@bench.example";
    seed(api, subject, shape);
    seed(api, twin, shape);

    long start = System.nanoTime();
    JsonNode export = complete(api, api.post("/api/v2/gdpr/requests",
        Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of(subject)))).json().get("id").asText());
    double exportSeconds = ServiceBenchmark.seconds(start);
    assertThat(sum(export, "exported")).as("records exported").isEqualTo(shape.dialerContacts() + shape.conversations());

    start = System.nanoTime();
    JsonNode erased = complete(api, api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of(subject)))).json().get("id").asText());
    double deleteSeconds = ServiceBenchmark.seconds(start);
    assertThat(erased.get("verifiedErased").asBoolean()).isTrue();
    assertThat(sum(erased, "deleted") + sum(erased, "anonymized")).as("records erased").isEqualTo(shape.dialerContacts() + shape.conversations());

    start = System.nanoTime();
    long rawRead = RawSql.export(jdbc, org, twin, dataDir);
    double rawExportSeconds = ServiceBenchmark.seconds(start);
    assertThat(rawRead).isEqualTo(shape.dialerContacts() + shape.conversations());
    start = System.nanoTime();
    long rawErased = RawSql.erase(jdbc, org, twin, dataDir);
    double rawDeleteSeconds = ServiceBenchmark.seconds(start);
    assertThat(rawErased).isEqualTo(shape.dialerContacts() + shape.conversations());

    report.subject(size, shape, exportSeconds, rawExportSeconds, deleteSeconds, rawDeleteSeconds);
  }

  private static long sum(JsonNode request, String field) {
    long total = 0;
    for (JsonNode service : request.get("services")) {
      total += service.get(field).asLong();
    }
    return total;
  }

  private static JsonNode complete(Api api, String id) throws InterruptedException {
    while (true) {
      JsonNode request = api.get("/api/v2/gdpr/requests/" + id).json();
      String status = request.get("status").asText();
      if (status.equals("COMPLETED")) {
        return request;
      }
      assertThat(status).as(request.toString()).isNotEqualTo("ERROR");
      Thread.sleep(5);
    }
  }

  private static void seed(Api api, String email, Shape shape) throws Exception {
    String list = api.post("/api/v2/outbound/contactlists", Map.of(
        "name", "bench " + email,
        "columnNames", List.of("firstName", "lastName", "phone", "email"),
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal")))).json().get("id").asText();
    StringBuilder csv = new StringBuilder("firstName,lastName,phone,email\n");
    for (int i = 0; i < shape.dialerContacts(); i++) {
      csv.append("Bench,Subject,,").append(email).append('\n');
    }
    Api.Response imported = Multipart.upload(api, "/api/v2/outbound/contactlists/" + list + "/contacts/import", "contacts.csv", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<String>> conversations = new ArrayList<>();
    for (int i = 0; i < shape.conversations(); i++) {
      conversations.add(pool.submit(() -> {
        Api.Response created = api.post("/api/v2/conversations", Map.of(
            "mediaType", "email", "startTime", "2026-03-04T09:00:00Z",
            "participants", List.of(
                Map.of("id", CUSTOMER, "purpose", "customer", "name", "Bench Subject", "address", email),
                Map.of("id", AGENT, "purpose", "agent", "name", "Alice Agent", "address", "alice@acme.example")),
            "messages", List.of(Map.of("participantId", CUSTOMER, "body", "Where is my parcel?"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
      }));
    }
    byte[] file = new byte[64 * 1024];
    new Random(7).nextBytes(file);
    for (int i = 0; i < shape.attachments(); i++) {
      String conversation = conversations.get(i % conversations.size()).get();
      Api.Response uploaded = Multipart.upload(api, "/api/v2/conversations/" + conversation + "/attachments", "photo.jpg", "image/jpeg",
          file, Map.of("participantId", CUSTOMER));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }
    for (Future<String> conversation : conversations) {
      conversation.get();
    }
    pool.shutdown();
  }

  /** The floor: the fewest SQL statements that read, or remove, what the API does for one e-mail. */
  static final class RawSql {

    private RawSql() {}

    /** Reads every record of the subject and every byte of their files; answers the records read. */
    static long export(Connection jdbc, UUID org, String email, Path dataDir) throws Exception {
      Ids ids = ids(jdbc, org, email);
      long records = 0;
      try (PreparedStatement contacts = jdbc.prepareStatement("select * from outbound_contacts where org_id = ? and contact_id = any(?)")) {
        contacts.setObject(1, org);
        contacts.setArray(2, ids.dialer(jdbc));
        records += drain(contacts);
      }
      try (PreparedStatement conversations = jdbc.prepareStatement(
          """
          select c.*, p.*, m.* from conversations c
          join conversation_participants p using (org_id, conversation_id)
          left join conversation_messages m using (org_id, conversation_id, participant_id)
          where c.org_id = ? and c.conversation_id = any(?) and p.purpose = 'customer'
          """)) {
        conversations.setObject(1, org);
        conversations.setArray(2, ids.conversations(jdbc));
        records += drain(conversations);
      }
      for (String key : blobKeys(jdbc, org, ids, "select blob_key from conversation_attachments where org_id = ? and conversation_id = any(?)")) {
        try (InputStream in = Files.newInputStream(dataDir.resolve("blobs").resolve(org.toString()).resolve(key))) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      return records;
    }

    /** Deletes the dialer contacts, anonymizes the conversations' customer, deletes their files. */
    static long erase(Connection jdbc, UUID org, String email, Path dataDir) throws Exception {
      jdbc.setAutoCommit(false);
      try {
        Ids ids = ids(jdbc, org, email);
        long erased = 0;
        try (PreparedStatement contacts = jdbc.prepareStatement("delete from outbound_contacts where org_id = ? and contact_id = any(?)")) {
          contacts.setObject(1, org);
          contacts.setArray(2, ids.dialer(jdbc));
          erased += contacts.executeUpdate();
        }
        try (PreparedStatement messages = jdbc.prepareStatement(
            """
            update conversation_messages m set body = null from conversation_participants p
            where m.org_id = ? and m.conversation_id = any(?) and p.org_id = m.org_id and p.conversation_id = m.conversation_id
              and p.participant_id = m.participant_id and p.purpose = 'customer'
            """)) {
          messages.setObject(1, org);
          messages.setArray(2, ids.conversations(jdbc));
          messages.executeUpdate();
        }
        List<String> files = blobKeys(jdbc, org, ids,
            "delete from conversation_attachments where org_id = ? and conversation_id = any(?) returning blob_key");
        try (PreparedStatement participants = jdbc.prepareStatement(
            """
            update conversation_participants set name = null, address = null, attributes = '{}', anonymized_at = now()
            where org_id = ? and conversation_id = any(?) and purpose = 'customer'
            """)) {
          participants.setObject(1, org);
          participants.setArray(2, ids.conversations(jdbc));
          erased += participants.executeUpdate();
        }
        try (PreparedStatement index = jdbc.prepareStatement(
            "delete from identifier_index where org_id = ? and service in ('outbound', 'conversations') and record_id = any(?)")) {
          index.setObject(1, org);
          index.setArray(2, jdbc.createArrayOf("text", ids.all().toArray()));
          index.executeUpdate();
        }
        jdbc.commit();
        for (String key : files) {
          Files.deleteIfExists(dataDir.resolve("blobs").resolve(org.toString()).resolve(key));
        }
        return erased;
      } finally {
        jdbc.setAutoCommit(true);
      }
    }

    record Ids(List<String> dialerIds, List<String> conversationIds) {
      Array dialer(Connection jdbc) throws SQLException {
        return jdbc.createArrayOf("uuid", dialerIds.stream().map(UUID::fromString).toArray());
      }

      Array conversations(Connection jdbc) throws SQLException {
        return jdbc.createArrayOf("uuid", conversationIds.stream().map(UUID::fromString).toArray());
      }

      List<String> all() {
        List<String> all = new ArrayList<>(dialerIds);
        all.addAll(conversationIds);
        return all;
      }
    }

    private static Ids ids(Connection jdbc, UUID org, String email) throws SQLException {
      List<String> dialer = new ArrayList<>();
      List<String> conversations = new ArrayList<>();
      try (PreparedStatement lookup = jdbc.prepareStatement(
          "select service, record_id from identifier_index where org_id = ? and kind = 'EMAIL' and normalized_value = ?")) {
        lookup.setObject(1, org);
        lookup.setString(2, email);
        try (ResultSet rs = lookup.executeQuery()) {
          while (rs.next()) {
            switch (rs.getString(1)) {
              case "outbound" -> dialer.add(rs.getString(2));
              case "conversations" -> conversations.add(rs.getString(2));
              default -> { }
            }
          }
        }
      }
      return new Ids(dialer, conversations);
    }

    private static List<String> blobKeys(Connection jdbc, UUID org, Ids ids, String sql) throws SQLException {
      List<String> keys = new ArrayList<>();
      try (PreparedStatement statement = jdbc.prepareStatement(sql)) {
        statement.setObject(1, org);
        statement.setArray(2, ids.conversations(jdbc));
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            keys.add(rs.getString(1));
          }
        }
      }
      return keys;
    }

    private static long drain(PreparedStatement statement) throws SQLException {
      long rows = 0;
      try (ResultSet rs = statement.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int c = 1; c <= columns; c++) {
            rs.getObject(c);
          }
          rows++;
        }
      }
      return rows;
    }
  }
}
