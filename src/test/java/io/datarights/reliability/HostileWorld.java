package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest.Tenant;
import io.datarights.support.Multipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One org with one of everything, for hostile requests to aim at, and a second org whose ids a
 * hostile request may borrow. Valid request bodies of every JSON operation of the API are here,
 * written as a Genesys client would send them; hostile requests are variations of these.
 */
final class HostileWorld {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String CUSTOMER = "11111111-1111-4111-8111-111111111111";
  static final String AGENT = "22222222-2222-4222-8222-222222222222";
  static final String CONSENTED_COOKIE = "hostile-cookie";

  final Tenant acme;
  final Tenant globex;
  /** Ids of acme's objects by path parameter name (and a few more). */
  final Map<String, String> ids = new LinkedHashMap<>();
  /** The same kinds of ids, of globex's objects. */
  final Map<String, String> foreignIds = new LinkedHashMap<>();

  HostileWorld(Tenant acme, Tenant globex) {
    this.acme = acme;
    this.globex = globex;
    populate(acme.api(), ids);
    populate(globex.api(), foreignIds);
  }

  private static void populate(Api api, Map<String, String> ids) {
    ids.put("userId", created(api.post("/api/v2/users", json(USER.replace("${n}", "0")))));
    ids.put("editedListId", created(api.post("/api/v2/outbound/contactlists", json(LIST.replace("${n}", "edited")))));
    String list = created(api.post("/api/v2/outbound/contactlists", json(LIST.replace("${n}", "contacts"))));
    ids.put("listId", list);
    Api.Response added = api.post("/api/v2/outbound/contactlists/" + list + "/contacts", json("[" + DIALER_CONTACT + "]"));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    ids.put("dialerContactId", added.json().get(0).get("id").asText());
    ids.put("externalContactId", created(api.post("/api/v2/externalcontacts/contacts", json(EXTERNAL_CONTACT))));
    ids.put("mergeSourceId", created(api.post("/api/v2/externalcontacts/contacts", json(EXTERNAL_CONTACT))));
    ids.put("mergeTargetId", created(api.post("/api/v2/externalcontacts/contacts", json(EXTERNAL_CONTACT))));
    ids.put("flowId", created(api.post("/api/v2/flows", json(FLOW.replace("${n}", "0")))));
    ids.put("conversationId", created(api.post("/api/v2/conversations", json(CONVERSATION))));
    ids.put("participantId", CUSTOMER);
    Api.Response consent = api.put("/api/v2/journey/customers/cookie/" + CONSENTED_COOKIE + "/consent", Map.of("tracking", true));
    assertThat(consent.status()).as(consent.toString()).isLessThan(300);
    ids.put("requestId", created(api.post("/api/v2/gdpr/requests", json(GDPR_REQUEST.replace("${n}", "0")))));
    ids.put("jobId", created(Multipart.upload(api, "/api/v2/gdpr/bulk-erasures?deleteConfirmed=true", "subjects.csv", "text/csv",
        "type,value\nEMAIL,gone@example.com\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
  }

  private static String created(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isIn(200, 201, 202);
    return response.json().get("id").asText();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value a path parameter takes for an operation, from acme's ids (or globex's). */
  String pathParameter(String operationPath, String name, boolean foreign) {
    Map<String, String> source = foreign ? foreignIds : ids;
    String key =
        switch (name) {
          case "contactId" -> operationPath.startsWith("/api/v2/outbound") ? "dialerContactId" : "externalContactId";
          case "listId" -> operationPath.endsWith("{listId}") ? "editedListId" : "listId";
          default -> name;
        };
    return switch (key) {
      case "customerIdType" -> "cookie";
      case "customerId" -> "consent-cookie";
      default -> {
        String id = source.get(key);
        if (id == null) {
          throw new IllegalStateException("no fixture for path parameter " + name + " of " + operationPath);
        }
        yield id;
      }
    };
  }

  /** A valid body of a JSON operation ("METHOD path"), null when the API has no such operation here. */
  String validBody(String operation, long n) {
    String body = VALID.get(operation);
    if (body == null) {
      return null;
    }
    String result = body.replace("${n}", Long.toString(n));
    for (var id : ids.entrySet()) {
      result = result.replace("${" + id.getKey() + "}", id.getValue());
    }
    return result;
  }

  static final String USER =
      """
      {"name": "Erika Mustermann ${n}", "email": "erika.${n}@example.com", "title": "Agent", "state": "active",
       "phoneNumbers": [{"type": "WORK", "display": "+49 30 1234567"}, {"type": "MOBILE", "e164": "+491712345678"}],
       "personalStatus": "Back on Monday"}
      """;
  static final String LIST =
      """
      {"name": "Hostile ${n}", "columnNames": ["firstName", "lastName", "phone", "email", "notes"],
       "phoneColumns": [{"columnName": "phone", "type": "cell"}],
       "emailColumns": [{"columnName": "email", "type": "personal"}]}
      """;
  static final String DIALER_CONTACT =
      """
      {"data": {"firstName": "Max", "lastName": "Muster", "phone": "+49 171 2345678", "email": "max@example.com",
                "notes": "prefers mornings"}, "callable": true}
      """;
  static final String EXTERNAL_CONTACT =
      """
      {"firstName": "Jürgen", "middleName": "Karl", "lastName": "Müller", "title": "Buyer",
       "workPhone": {"display": "030 1234567"}, "cellPhone": {"display": "+49 171 2345678"},
       "homePhone": {"e164": "+4940123456"}, "otherPhone": {"display": "+1 (317) 555-0123"},
       "workEmail": "J.Mueller@Example.com", "personalEmail": "juergen@example.org", "otherEmail": "jm@example.net",
       "address": {"address1": "Hauptstraße 5", "address2": "Hinterhaus", "city": "Berlin", "state": "BE",
                   "postalCode": "10115", "countryCode": "DE"},
       "twitterId": {"screenName": "@JuergenM"}, "facebookId": {"displayName": "juergen.mueller"},
       "instagramId": {"screenName": "jm_insta"},
       "whatsAppId": {"phoneNumber": {"display": "0151 23456789"}, "displayName": "Jürgen"},
       "appleMessagesId": {"value": "urn:biz:jm-apple"},
       "externalIds": [{"externalSource": "crm", "value": "CRM-0042"}],
       "customFields": {"loyaltyTier": "gold", "visits": 12}}
      """;
  static final String FLOW =
      """
      {"name": "Main menu ${n}", "description": "Routes callers to sales or support",
       "promptTexts": ["Welcome to Acme.", "Press 1 for sales."]}
      """;
  static final String CONVERSATION =
      """
      {"mediaType": "email", "startTime": "2024-03-02T09:00:00Z", "endTime": "2024-03-02T09:30:00Z",
       "participants": [
         {"id": "11111111-1111-4111-8111-111111111111", "purpose": "customer", "name": "Erika Mustermann",
          "address": "erika@example.com", "attributes": {"crmTicket": "T-1"}},
         {"id": "22222222-2222-4222-8222-222222222222", "purpose": "agent", "name": "Alice Agent",
          "address": "alice@contact-centre.example"}],
       "messages": [
         {"participantId": "11111111-1111-4111-8111-111111111111", "body": "My order never arrived.",
          "timestamp": "2024-03-02T09:01:00Z"},
         {"participantId": "22222222-2222-4222-8222-222222222222", "body": "Sorry, we will send it again."}]}
      """;
  static final String GDPR_REQUEST =
      """
      {"requestType": "GDPR_EXPORT", "subject": {"emailAddresses": ["hostile.${n}@example.com"]}, "name": "Ticket ${n}"}
      """;

  private static final Map<String, String> VALID = new LinkedHashMap<>();

  static {
    VALID.put("POST /api/v2/users", USER);
    VALID.put("PUT /api/v2/users/{userId}", USER);
    VALID.put("PATCH /api/v2/users/{userId}", "{\"title\": \"Team lead ${n}\", \"personalStatus\": \"In the office\"}");
    VALID.put("POST /api/v2/outbound/contactlists", LIST);
    VALID.put("PUT /api/v2/outbound/contactlists/{listId}", LIST);
    VALID.put("POST /api/v2/outbound/contactlists/{listId}/contacts", "[" + DIALER_CONTACT + "]");
    VALID.put("PUT /api/v2/outbound/contactlists/{listId}/contacts/{contactId}", DIALER_CONTACT);
    VALID.put("PUT /api/v2/journey/customers/{customerIdType}/{customerId}/consent", "{\"tracking\": true}");
    VALID.put(
        "POST /api/v2/journey/events",
        """
        {"customerId": "hostile-cookie", "customerIdType": "cookie", "eventType": "page_viewed",
         "page": {"url": "https://shop.example/cart?item=${n}", "title": "Cart"},
         "traits": {"email": "visitor@example.com", "plan": "gold"}, "createdDate": "2024-03-02T09:00:00Z"}
        """);
    VALID.put(
        "PUT /api/v2/governance/dpia",
        """
        {"necessity": "Needed to serve customers", "proportionality": "Only what agents need.",
         "risks": [{"description": "Agents look up customers without a reason", "likelihood": "MEDIUM",
                    "severity": "HIGH", "measures": "Access reviews every quarter"}],
         "consultedDpo": true, "notes": "Reviewed with the works council."}
        """);
    VALID.put(
        "PUT /api/v2/governance/controller",
        """
        {"controllerName": "Acme GmbH", "address": "Hauptstraße 5, 10115 Berlin", "contactEmail": "privacy@acme.example",
         "dpoName": "Dana Datenschutz", "dpoEmail": "dpo@acme.example", "representative": "Acme EU Rep",
         "supervisoryAuthority": "Berliner Beauftragte für Datenschutz"}
        """);
    VALID.put("POST /api/v2/flows", FLOW);
    VALID.put("PUT /api/v2/flows/{flowId}", FLOW);
    VALID.put("POST /api/v2/externalcontacts/contacts", EXTERNAL_CONTACT);
    VALID.put("PUT /api/v2/externalcontacts/contacts/{contactId}", EXTERNAL_CONTACT);
    VALID.put(
        "POST /api/v2/externalcontacts/merge/contacts",
        "{\"sourceContactId\": \"${mergeSourceId}\", \"targetContactId\": \"${mergeTargetId}\"}");
    VALID.put("POST /api/v2/oauth/clients", "{\"name\": \"Hostile ${n}\", \"permissions\": [\"gdpr:request:view\"]}");
    VALID.put(
        "POST /api/v2/governance/recipients",
        """
        {"name": "CRM ${n}", "url": "https://crm.example.com/hooks/datarights", "events": ["GDPR_DELETE"], "active": true}
        """);
    VALID.put("POST /api/v2/governance/pii-scans", "{}");
    VALID.put(
        "POST /api/v2/governance/legal-holds",
        "{\"subject\": {\"userId\": \"${userId}\"}, \"reason\": \"Art. 17(3)(e): pending litigation ${n}\", \"expires\": \"2099-12-31\"}");
    VALID.put("POST /api/v2/gdpr/requests", GDPR_REQUEST);
    VALID.put(
        "POST /api/v2/gdpr/requests/{requestId}/extension",
        "{\"months\": 1, \"reason\": \"The subject's data spans archived calls.\"}");
    VALID.put("POST /api/v2/conversations", CONVERSATION);
    VALID.put(
        "POST /api/v2/conversations/{conversationId}/messages",
        "{\"participantId\": \"${participantId}\", \"body\": \"Any news? ${n}\", \"timestamp\": \"2024-03-02T09:05:00Z\"}");
    VALID.put(
        "PATCH /api/v2/conversations/{conversationId}/participants/{participantId}",
        "{\"name\": \"Erika M.\", \"address\": \"erika@example.com\", \"attributes\": {\"crmTicket\": \"T-2\"}}");
    VALID.put("POST /api/v2/admin/organizations", "{\"name\": \"Hostile Org ${n}\", \"defaultRegion\": \"DE\"}");
  }

  /** Operations whose bodies are not JSON, with the test that sends them hostile input. */
  static final Map<String, String> COVERED_ELSEWHERE =
      Map.of(
          "POST /api/v2/outbound/contactlists/{listId}/contacts/import", "HostileCsvImportTest",
          "POST /api/v2/conversations/{conversationId}/attachments", "HostileUploadsTest",
          "POST /api/v2/gdpr/bulk-erasures", "bulkerasure/BulkErasureApiTest and SubjectFileTest (malformed subject files)",
          "POST /oauth/token", "HostileJsonBodiesTest (form bodies)");

  static List<String> jsonOperations() {
    return List.copyOf(VALID.keySet());
  }
}
