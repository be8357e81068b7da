package io.datarights.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests the outbound tests share: a typical contact list, contacts and CSV uploads. */
final class OutboundFixtures {

  static final String LISTS = "/api/v2/outbound/contactlists";

  private OutboundFixtures() {}

  /** A list with columns firstName, lastName, phone (cell), email (personal) and notes. */
  static Map<String, Object> customerList(String name) {
    return Map.of(
        "name", name,
        "columnNames", List.of("firstName", "lastName", "phone", "email", "notes"),
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal")));
  }

  static String createList(Api api, String name) {
    Api.Response created = api.post(LISTS, customerList(name));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  static String contacts(String listId) {
    return LISTS + "/" + listId + "/contacts";
  }

  static Map<String, Object> contact(String first, String last, String phone, String email) {
    return Map.of("data", Map.of("firstName", first, "lastName", last, "phone", phone, "email", email));
  }

  /** Adds one contact and answers its id. */
  static String addContact(Api api, String listId, String first, String last, String phone, String email) {
    Api.Response added = api.post(contacts(listId), List.of(contact(first, last, phone, email)));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    return added.json().get(0).get("id").asText();
  }

  /** Uploads a CSV file as the multipart field {@code file}. */
  static Api.Response importCsv(Api api, String listId, byte[] csv) {
    String boundary = "----datarights" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 512);
    body.writeBytes(
        ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(csv);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.send("POST", contacts(listId) + "/import", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  static Api.Response importCsv(Api api, String listId, String csv) {
    return importCsv(api, listId, csv.getBytes(StandardCharsets.UTF_8));
  }
}
