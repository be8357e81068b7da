package io.datarights.reliability;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import io.datarights.support.IntegrationTest.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Creates one object of every kind an org can hold, through the API as a client would, for the
 * sweeps to aim at: users, external contacts with a merge set, a contact list with dialer
 * contacts, a conversation with a participant, an attachment and a recording, a journey customer
 * with consent and a session, a flow, GDPR requests (a completed export with its signed link and
 * an {@code Idempotency-Key}, one with an extended deadline), an OAuth client, a legal hold, an
 * Art. 19 recipient, a PII scan, DPIA versions and the controller details.
 */
final class SweepFixture {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Random RANDOM = new Random();

  private final int port;
  private final GateService gate;

  SweepFixture(int port, GateService gate) {
    this.port = port;
    this.gate = gate;
  }

  /** What one org holds, and the values that would betray it if another org ever saw them. */
  record OrgObjects(
      Tenant tenant,
      String token,
      String tag,
      Map<ObjectKind, String> refs,
      List<String> values,
      String exportPath,
      String exportExpires,
      String exportSignature,
      String contactEmail,
      String userEmail,
      String userPhone,
      String contactName,
      String cookie,
      String idempotencyKey,
      String idempotentBody) {

    String ref(ObjectKind kind) {
      String ref = refs.get(kind);
      if (ref == null) {
        throw new AssertionError("the fixture made no object of kind " + kind);
      }
      return ref;
    }

    Api api() {
      return tenant.api();
    }
  }

  /** Lower-case letters only, so that a tag never turns up inside an id or a number by chance. */
  static String newTag() {
    StringBuilder tag = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      tag.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return tag.toString();
  }

  private static String digits(int n) {
    StringBuilder d = new StringBuilder().append(1 + RANDOM.nextInt(9));
    while (d.length() < n) {
      d.append(RANDOM.nextInt(10));
    }
    return d.toString();
  }

  OrgObjects build(Tenant tenant, int dpiaVersions) {
    String tag = newTag();
    String Tag = Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
    Api api = tenant.api();
    String token = Api.at(port).token(tenant.clientId(), tenant.clientSecret());
    Map<ObjectKind, String> refs = new EnumMap<>(ObjectKind.class);
    List<String> values = new ArrayList<>(List.of(tag, tenant.orgId(), tenant.clientId(), tenant.clientSecret()));

    // Directory
    String userEmail = "ulla." + tag + "@example.com";
    String userDigits = digits(7);
    String userPhone = "+49 30 " + userDigits;
    refs.put(ObjectKind.USER, id(api.post("/api/v2/users", Map.of(
        "name", "Ulla " + Tag, "email", userEmail, "title", "Agent",
        "phoneNumbers", List.of(Map.of("type", "WORK", "display", userPhone))))));
    values.addAll(List.of(userEmail, "+4930" + userDigits, userPhone));

    // External contacts: one on its own, two merged into a set
    String contactEmail = "carla." + tag + "@example.com";
    String cellDigits = digits(7);
    String contactName = "Carla Kessler" + Tag;
    refs.put(ObjectKind.EXTERNAL_CONTACT, id(api.post("/api/v2/externalcontacts/contacts", Map.of(
        "firstName", "Carla", "lastName", "Kessler" + Tag, "workEmail", contactEmail,
        "cellPhone", Map.of("display", "+49 171 " + cellDigits),
        "twitterId", Map.of("screenName", "carla_" + tag)))));
    values.addAll(List.of(contactEmail, "+49171" + cellDigits, "+49 171 " + cellDigits));
    String source = id(api.post("/api/v2/externalcontacts/contacts", Map.of(
        "firstName", "Carl", "lastName", "Merger" + Tag, "personalEmail", "carl." + tag + "@example.com")));
    String target = id(api.post("/api/v2/externalcontacts/contacts", Map.of(
        "firstName", "Carl", "lastName", "Merger" + Tag, "homePhone", Map.of("display", "+49 40 " + digits(7)))));
    String canonical = id(api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", source, "targetContactId", target)));
    refs.put(ObjectKind.MERGED_CONTACT, canonical);
    values.addAll(List.of(source, target));

    // Outbound
    refs.put(ObjectKind.CONTACT_LIST, id(api.post("/api/v2/outbound/contactlists", Map.of(
        "name", "List " + Tag,
        "columnNames", List.of("firstName", "lastName", "phone", "email"),
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal"))))));
    String dialerDigits = digits(7);
    Api.Response dialer = api.post("/api/v2/outbound/contactlists/" + refs.get(ObjectKind.CONTACT_LIST) + "/contacts", List.of(
        Map.of("data", Map.of("firstName", "Dora", "lastName", "Dialer" + Tag, "phone", "+49 160 " + dialerDigits, "email", "dora." + tag + "@example.com")),
        Map.of("data", Map.of("firstName", "Dirk", "lastName", "Dialer" + Tag, "phone", "+49 160 " + digits(7)))));
    ok(dialer);
    refs.put(ObjectKind.DIALER_CONTACT, dialer.json().get(0).get("id").asText());
    values.add(dialer.json().get(1).get("id").asText());
    values.add("+49160" + dialerDigits);

    // Conversations: a chat with the contact and the user, a photo and a recording
    String customer = UUID.randomUUID().toString();
    String agent = UUID.randomUUID().toString();
    Map<String, Object> customerParticipant = new LinkedHashMap<>(Map.of(
        "id", customer, "purpose", "customer", "name", contactName, "address", "+49 171 " + cellDigits,
        "externalContactId", refs.get(ObjectKind.EXTERNAL_CONTACT)));
    Map<String, Object> agentParticipant = new LinkedHashMap<>(Map.of(
        "id", agent, "purpose", "agent", "name", "Ulla " + Tag, "userId", refs.get(ObjectKind.USER)));
    refs.put(ObjectKind.CONVERSATION, id(api.post("/api/v2/conversations", Map.of(
        "mediaType", "message", "messengerType", "whatsapp", "startTime", "2024-03-03T09:00:00Z",
        "participants", List.of(customerParticipant, agentParticipant),
        "messages", List.of(Map.of("participantId", customer, "body", "My parcel " + tag + " arrived damaged."))))));
    refs.put(ObjectKind.PARTICIPANT, customer);
    values.addAll(List.of(customer, agent));
    String attachments = "/api/v2/conversations/" + refs.get(ObjectKind.CONVERSATION) + "/attachments";
    refs.put(ObjectKind.ATTACHMENT, id(upload(token, attachments + "?participantId=" + customer, "photo-" + tag + ".jpg", "image/jpeg",
        ("attachment bytes of " + tag).getBytes(StandardCharsets.UTF_8))));
    values.add(id(upload(token, attachments + "?kind=recording", "call-" + tag + ".wav", "audio/wav",
        ("recording bytes of " + tag).getBytes(StandardCharsets.UTF_8))));

    // Journey: consent first, then an event opens a session
    String cookie = "ck-" + tag;
    ok(api.put("/api/v2/journey/customers/cookie/" + cookie + "/consent", Map.of("tracking", true)));
    Api.Response event = api.post("/api/v2/journey/events", Map.of(
        "customerId", cookie, "customerIdType", "cookie", "eventType", "page_viewed",
        "page", Map.of("url", "https://shop.example/" + tag, "title", "Cart " + Tag),
        "traits", Map.of("email", contactEmail)));
    values.add(id(event));
    refs.put(ObjectKind.JOURNEY_SESSION, event.json().get("sessionId").asText());
    refs.put(ObjectKind.JOURNEY_CUSTOMER_TYPE, "cookie");
    refs.put(ObjectKind.JOURNEY_CUSTOMER, cookie);

    // Flows (with an e-mail address in a prompt, for the scanner to find)
    refs.put(ObjectKind.FLOW, id(api.post("/api/v2/flows", Map.of(
        "name", "Inbound " + Tag, "description", "Main IVR of " + tag,
        "promptTexts", List.of("Welcome. Write to jane." + tag + "@example.com")))));

    // GDPR: a completed export filed with an Idempotency-Key, and a request whose deadline was extended
    String idempotencyKey = "key-" + tag;
    String idempotentBody = "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"emailAddresses\":[\"" + contactEmail + "\"]}}";
    String export = id(sendJson(token, "POST", "/api/v2/gdpr/requests", idempotentBody, Map.of("Idempotency-Key", idempotencyKey)));
    refs.put(ObjectKind.GDPR_REQUEST, export);
    JsonNode done = awaitFinished(api, export);
    String resultsUrl = done.get("resultsUrl").asText();
    String exportPath = resultsUrl.substring(resultsUrl.indexOf("/api/v2"));
    String expires = exportPath.replaceAll(".*[?&]expires=([^&]+).*", "$1");
    String signature = exportPath.replaceAll(".*[?&]signature=([^&]+).*", "$1");
    values.add(signature);
    gate.close();
    String extended;
    try {
      extended = id(api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("phoneNumbers", List.of(userPhone)))));
      ok(api.post("/api/v2/gdpr/requests/" + extended + "/extension", Map.of("months", 1, "reason", "Archive review " + tag)));
    } finally {
      gate.open();
    }
    awaitFinished(api, extended);
    values.add(extended);

    // A bulk erasure of one subject the org never held
    String bulk = id(upload(token, "/api/v2/gdpr/bulk-erasures?deleteConfirmed=true", "subjects.csv", "text/csv",
        ("type,value\nEMAIL,gone." + tag + "@example.com\n").getBytes(StandardCharsets.UTF_8)));
    refs.put(ObjectKind.BULK_ERASURE, bulk);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/bulk-erasures/" + bulk).json().get("status").asText().equals("COMPLETED"));

    // Clients, holds, recipients, scans, DPIA, controller
    Api.Response client = api.post("/api/v2/oauth/clients", Map.of("name", "Reader " + Tag, "permissions", List.of("gdpr:request:view")));
    refs.put(ObjectKind.OAUTH_CLIENT, id(client));
    values.add(client.json().get("secret").asText());
    refs.put(ObjectKind.LEGAL_HOLD, id(api.post("/api/v2/governance/legal-holds", Map.of(
        "subject", Map.of("externalContactId", refs.get(ObjectKind.EXTERNAL_CONTACT)),
        "reason", "Art. 17(3)(e): litigation " + tag))));
    Api.Response recipient = api.post("/api/v2/governance/recipients", Map.of(
        "name", "CRM " + Tag, "url", "https://crm-" + tag + ".example.com/hook", "events", List.of("GDPR_DELETE"), "active", false));
    refs.put(ObjectKind.RECIPIENT, id(recipient));
    values.add(recipient.json().get("secret").asText());
    String scan = id(api.post("/api/v2/governance/pii-scans", Map.of()));
    refs.put(ObjectKind.PII_SCAN, scan);
    // A scan runs in the background, one per org at a time: ended before the sweep asks for another.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/governance/pii-scans/" + scan).json().get("status").asText().equals("COMPLETED"));
    ok(api.put("/api/v2/governance/controller", Map.of(
        "controllerName", "Controller " + Tag + " GmbH", "address", "Street of " + tag + " 5, Berlin",
        "contactEmail", "privacy." + tag + "@example.com", "dpoName", "Dpo " + Tag, "dpoEmail", "dpo." + tag + "@example.com")));
    int version = 0;
    for (int i = 1; i <= dpiaVersions; i++) {
      Api.Response dpia = api.put("/api/v2/governance/dpia", Map.of(
          "necessity", "Necessity of " + tag + ", version " + i, "proportionality", "Proportionate for " + tag,
          "risks", List.of(Map.of("description", "Risk of " + tag, "likelihood", "LOW", "severity", "HIGH", "measures", "Reviews")),
          "consultedDpo", true));
      ok(dpia);
      version = dpia.json().get("version").asInt();
    }
    refs.put(ObjectKind.DPIA_VERSION, Integer.toString(version));

    refs.forEach((kind, ref) -> {
      if (kind != ObjectKind.JOURNEY_CUSTOMER_TYPE && kind != ObjectKind.DPIA_VERSION) {
        values.add(ref);
      }
    });
    return new OrgObjects(tenant, token, tag, Map.copyOf(refs), List.copyOf(values), exportPath, expires, signature,
        contactEmail, userEmail, userPhone, contactName, cookie, idempotencyKey, idempotentBody);
  }

  static JsonNode awaitFinished(Api api, String requestId) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> List.of("COMPLETED", "ERROR").contains(api.get("/api/v2/gdpr/requests/" + requestId).json().get("status").asText()));
    JsonNode request = api.get("/api/v2/gdpr/requests/" + requestId).json();
    if (!request.get("status").asText().equals("COMPLETED")) {
      throw new AssertionError("request did not complete: " + request);
    }
    return request;
  }

  Api.Response sendJson(String token, String method, String pathAndQuery, String json, Map<String, String> headers) {
    return send(token, method, pathAndQuery, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
  }

  Api.Response upload(String token, String pathAndQuery, String fileName, String contentType, byte[] content) {
    String boundary = "----sweep" + UUID.randomUUID();
    return send(token, "POST", pathAndQuery, "multipart/form-data; boundary=" + boundary, multipart(boundary, fileName, contentType, content), Map.of());
  }

  /** A multipart/form-data body with one file part named {@code file}. */
  static byte[] multipart(String boundary, String fileName, String contentType, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** A request with every header given; {@code Authorization} is a bearer token unless a header replaces it. */
  Api.Response send(String token, String method, String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::setHeader);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return Api.at(port).send(request);
  }

  static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String id(Api.Response response) {
    ok(response);
    return response.json().get("id").asText();
  }

  static void ok(Api.Response response) {
    if (response.status() / 100 != 2) {
      throw new AssertionError("fixture step failed: " + response);
    }
  }
}
