package io.datarights.reliability;

import static io.datarights.reliability.ObjectKind.CONTACT_LIST;
import static io.datarights.reliability.ObjectKind.DIALER_CONTACT;
import static io.datarights.reliability.ObjectKind.EXTERNAL_CONTACT;
import static io.datarights.reliability.ObjectKind.JOURNEY_CUSTOMER;
import static io.datarights.reliability.ObjectKind.JOURNEY_SESSION;
import static io.datarights.reliability.ObjectKind.OAUTH_CLIENT;
import static io.datarights.reliability.ObjectKind.PARTICIPANT;
import static io.datarights.reliability.ObjectKind.USER;

import io.datarights.reliability.SweepFixture.OrgObjects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the sweeps need to call every operation of the OpenAPI document: which object each path
 * variable names, which query parameters to send, and realistic bodies. An operation the tables
 * cannot serve fails the sweep with a message saying what to add, so that a new endpoint is never
 * silently left out.
 */
final class SweepTables {

  private SweepTables() {}

  /** Paths outside the API proper (the error page, and the console's while the document lists it). */
  static boolean isApi(String path) {
    return path.startsWith("/api/") || path.startsWith("/oauth/");
  }

  /** Operations the sweeps leave out, with the reason. */
  static final Map<String, String> NOT_SWEPT =
      Map.of("GET /api/v2/test/failure", "a test-only endpoint (support/FailingEndpoint) that fails on purpose");

  /** Operations that answer without a bearer token: they authenticate the caller their own way. */
  static final Set<String> WITHOUT_TOKEN =
      Set.of(
          "POST /oauth/token", // HTTP Basic client authentication
          "GET /oauth/jwks", // the public keys
          "GET /api/v2/gdpr/requests/{requestId}/results"); // a signed, expiring link

  /**
   * The object each path variable names, by the path up to and including it (the same name, e.g.
   * {@code contactId}, names different kinds of objects under different paths).
   */
  static final Map<String, ObjectKind> PATH_VARIABLES =
      Map.ofEntries(
          Map.entry("/api/v2/users/{userId}", USER),
          Map.entry("/api/v2/externalcontacts/contacts/{contactId}", EXTERNAL_CONTACT),
          Map.entry("/api/v2/outbound/contactlists/{listId}", CONTACT_LIST),
          Map.entry("/api/v2/outbound/contactlists/{listId}/contacts/{contactId}", DIALER_CONTACT),
          Map.entry("/api/v2/conversations/{conversationId}", ObjectKind.CONVERSATION),
          Map.entry("/api/v2/conversations/{conversationId}/participants/{participantId}", PARTICIPANT),
          Map.entry("/api/v2/conversations/{conversationId}/attachments/{attachmentId}", ObjectKind.ATTACHMENT),
          Map.entry("/api/v2/journey/customers/{customerIdType}", ObjectKind.JOURNEY_CUSTOMER_TYPE),
          Map.entry("/api/v2/journey/customers/{customerIdType}/{customerId}", JOURNEY_CUSTOMER),
          Map.entry("/api/v2/journey/sessions/{sessionId}", JOURNEY_SESSION),
          Map.entry("/api/v2/flows/{flowId}", ObjectKind.FLOW),
          Map.entry("/api/v2/gdpr/requests/{requestId}", ObjectKind.GDPR_REQUEST),
          Map.entry("/api/v2/gdpr/bulk-erasures/{jobId}", ObjectKind.BULK_ERASURE),
          Map.entry("/api/v2/oauth/clients/{clientId}", OAUTH_CLIENT),
          Map.entry("/api/v2/governance/recipients/{recipientId}", ObjectKind.RECIPIENT),
          Map.entry("/api/v2/governance/pii-scans/{id}", ObjectKind.PII_SCAN),
          Map.entry("/api/v2/governance/legal-holds/{holdId}", ObjectKind.LEGAL_HOLD),
          Map.entry("/api/v2/governance/dpia/versions/{version}", ObjectKind.DPIA_VERSION));

  /** The path variables of an operation and the kind of object each names, in path order. */
  static Map<String, ObjectKind> variablesOf(ApiOperation op) {
    Map<String, ObjectKind> kinds = new LinkedHashMap<>();
    for (String variable : op.pathVariables()) {
      String prefix = op.prefixThrough(variable);
      ObjectKind kind = PATH_VARIABLES.get(prefix);
      if (kind == null) {
        throw new AssertionError(
            op.key() + " is in the OpenAPI document, but the sweeps do not know what {" + variable + "} names ("
                + prefix + "): add it to SweepTables.PATH_VARIABLES, and make such an object in SweepFixture.");
      }
      kinds.put(variable, kind);
    }
    return kinds;
  }

  /**
   * Query parameters to send: every known one that names something, every required one. The
   * {@code caller} "parameter" is not one: springdoc lists the resolved {@code Caller} argument.
   */
  static Map<String, String> queryOf(ApiOperation op, OrgObjects named, OrgObjects caller) {
    Map<String, String> query = new LinkedHashMap<>();
    for (ApiOperation.Parameter parameter : op.queryParameters()) {
      String value =
          switch (parameter.name()) {
            case "searchType" -> "EMAIL";
            case "searchValue" -> named.contactEmail();
            case "targetId" -> named.ref(EXTERNAL_CONTACT);
            // The caller's own valid signature and expiry: the best a caller can hold for another org's package.
            case "expires" -> caller.exportExpires();
            case "signature" -> caller.exportSignature();
            case "caller", "pageSize", "pageNumber", "state", "format", "within", "action", "deleteConfirmed",
                "participantId", "kind" -> null;
            default -> {
              if (parameter.required()) {
                throw new AssertionError(op.key() + " has a required query parameter " + parameter.name()
                    + " that the sweeps do not know: add a value to SweepTables.queryOf.");
              }
              yield null;
            }
          };
      if (value != null) {
        query.put(parameter.name(), value);
      }
    }
    return query;
  }

  /**
   * One request body. {@code namesOthers}: the body names objects of the org under attack by
   * their server-issued ids, so the request must be refused exactly as one naming nothing would.
   */
  record Body(String label, boolean namesOthers, String contentType, byte[] content, Map<String, String> query, Map<String, String> headers) {

    static Body json(String label, boolean namesOthers, Object value) {
      return new Body(label, namesOthers, "application/json", SweepFixture.json(value), Map.of(), Map.of());
    }

    static Body none() {
      return new Body("no body", false, null, null, Map.of(), Map.of());
    }

    Body withQuery(String name, String value) {
      Map<String, String> q = new LinkedHashMap<>(query);
      q.put(name, value);
      return new Body(label, namesOthers, contentType, content, q, headers);
    }

    String text() {
      return content == null ? "" : new String(content, StandardCharsets.UTF_8);
    }
  }

  /**
   * What a body may refer to: the objects and values of another org (or of none, for the
   * control), and the caller's own objects.
   */
  record Refs(Function<ObjectKind, String> others, String othersEmail, String othersPhone, String othersName, OrgObjects own) {

    static Refs of(OrgObjects others, OrgObjects own) {
      return new Refs(others::ref, others.contactEmail(), others.userPhone(), others.contactName(), own);
    }

    /** Ids and values that exist in no org. */
    static Refs nobody(OrgObjects own) {
      String tag = SweepFixture.newTag();
      Map<ObjectKind, String> ids = new java.util.EnumMap<>(ObjectKind.class);
      for (ObjectKind kind : ObjectKind.values()) {
        ids.put(kind, kind.nonexistent());
      }
      return new Refs(ids::get, tag + "@example.com", "+49 30 5550199", "Nobody " + tag, own);
    }
  }

  /** Bodies per operation; a write without an entry here fails the sweep. */
  static final Map<String, Function<Refs, List<Body>>> BODIES = new LinkedHashMap<>();

  static List<Body> bodiesOf(ApiOperation op, Refs refs) {
    if (!op.hasBody()) {
      return List.of(Body.none());
    }
    Function<Refs, List<Body>> bodies = BODIES.get(op.key());
    if (bodies == null) {
      throw new AssertionError(op.key() + " takes a request body (" + op.bodyType()
          + ") that the sweeps do not know: add realistic bodies to SweepTables.BODIES.");
    }
    return bodies.apply(refs);
  }

  private static void body(String key, Function<Refs, List<Body>> bodies) {
    BODIES.put(key, bodies);
  }

  private static Map<String, Object> user(OrgObjects own) {
    return Map.of("name", "Mallory " + own.tag(), "email", "mallory." + own.tag() + "@example.com", "title", "Intruder", "state", "inactive");
  }

  private static Map<String, Object> contact(OrgObjects own) {
    return Map.of("firstName", "Mallory", "lastName", own.tag(), "workEmail", "mallory." + own.tag() + "@example.com");
  }

  private static Map<String, Object> contactList(OrgObjects own) {
    return Map.of("name", "Mallory " + own.tag(), "columnNames", List.of("firstName", "lastName", "phone", "email"),
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")));
  }

  private static Map<String, Object> flow(OrgObjects own) {
    return Map.of("name", "Mallory " + own.tag(), "promptTexts", List.of("Mallory was here"));
  }

  private static Map<String, Object> subjectRequest(String type, Map<String, Object> subject) {
    return Map.of("requestType", type, "subject", subject);
  }

  private static List<Map<String, Object>> subjectsNamingOthers(Refs r) {
    return List.of(
        Map.of("externalContactId", r.others().apply(EXTERNAL_CONTACT)),
        Map.of("userId", r.others().apply(USER)),
        Map.of("dialerContactId", Map.of("contactListId", r.others().apply(CONTACT_LIST), "id", r.others().apply(DIALER_CONTACT))),
        Map.of("dialerContactId", Map.of("contactListId", r.own().ref(CONTACT_LIST), "id", r.others().apply(DIALER_CONTACT))),
        Map.of("dialerContactId", Map.of("contactListId", r.others().apply(CONTACT_LIST), "id", r.own().ref(DIALER_CONTACT))));
  }

  static {
    body("PUT /api/v2/users/{userId}", r -> List.of(Body.json("user", false, user(r.own()))));
    body("PATCH /api/v2/users/{userId}", r -> List.of(Body.json("user changes", false, Map.of("title", "Intruder", "state", "inactive"))));
    body("POST /api/v2/users", r -> List.of(Body.json("user", false, user(r.own()))));

    body("PUT /api/v2/externalcontacts/contacts/{contactId}", r -> List.of(Body.json("contact", false, contact(r.own()))));
    body("POST /api/v2/externalcontacts/contacts", r -> List.of(Body.json("contact", false, contact(r.own()))));
    body("POST /api/v2/externalcontacts/merge/contacts", r -> List.of(
        Body.json("both contacts another org's", true,
            Map.of("sourceContactId", r.others().apply(EXTERNAL_CONTACT), "targetContactId", r.others().apply(ObjectKind.MERGED_CONTACT))),
        Body.json("own source, another org's target", true,
            Map.of("sourceContactId", r.own().ref(EXTERNAL_CONTACT), "targetContactId", r.others().apply(EXTERNAL_CONTACT))),
        Body.json("another org's source, own target", true,
            Map.of("sourceContactId", r.others().apply(EXTERNAL_CONTACT), "targetContactId", r.own().ref(EXTERNAL_CONTACT)))));

    body("PUT /api/v2/outbound/contactlists/{listId}", r -> List.of(Body.json("contact list", false, contactList(r.own()))));
    body("POST /api/v2/outbound/contactlists", r -> List.of(Body.json("contact list", false, contactList(r.own()))));
    body("POST /api/v2/outbound/contactlists/{listId}/contacts", r -> List.of(Body.json("dialer contacts", false,
        List.of(Map.of("data", Map.of("firstName", "Mallory", "phone", "+49 160 5550100"))))));
    body("PUT /api/v2/outbound/contactlists/{listId}/contacts/{contactId}", r -> List.of(Body.json("dialer contact", false,
        Map.of("data", Map.of("firstName", "Mallory")))));
    body("POST /api/v2/outbound/contactlists/{listId}/contacts/import", r -> {
      String boundary = "----sweep-" + r.own().tag();
      byte[] csv = "firstName,lastName,phone,email\nMallory,Intruder,+49 160 5550101,mallory@example.com\n".getBytes(StandardCharsets.UTF_8);
      return List.of(new Body("CSV import", false, "multipart/form-data; boundary=" + boundary,
          SweepFixture.multipart(boundary, "contacts.csv", "text/csv", csv), Map.of(), Map.of()));
    });

    body("POST /api/v2/conversations", r -> {
      Map<String, Object> participant = new LinkedHashMap<>(Map.of("id", java.util.UUID.randomUUID().toString(), "purpose", "customer",
          "name", "Mallory", "address", "mallory." + r.own().tag() + "@example.com",
          "externalContactId", r.others().apply(EXTERNAL_CONTACT)));
      Map<String, Object> agent = Map.of("purpose", "agent", "name", "Agent Mallory", "userId", r.others().apply(USER));
      // Links to contacts and users are not checked against the directory (nor are they in Genesys):
      // the conversation, with its links, is the caller's own, in its own org.
      return List.of(Body.json("participants linked to another org's contact and user", false, Map.of(
          "mediaType", "email", "startTime", "2024-03-02T09:00:00Z", "participants", List.of(participant, agent))));
    });
    body("POST /api/v2/conversations/{conversationId}/messages", r -> List.of(Body.json("message", false,
        Map.of("participantId", r.others().apply(PARTICIPANT), "body", "Mallory was here"))));
    body("PATCH /api/v2/conversations/{conversationId}/participants/{participantId}", r -> List.of(Body.json("participant changes", false,
        Map.of("name", "Mallory", "address", "mallory@example.com"))));
    body("POST /api/v2/conversations/{conversationId}/attachments", r -> {
      String boundary = "----sweep-" + r.own().tag();
      return List.of(new Body("attachment", false, "multipart/form-data; boundary=" + boundary,
          SweepFixture.multipart(boundary, "mallory.txt", "text/plain", "Mallory was here".getBytes(StandardCharsets.UTF_8)),
          Map.of("participantId", r.others().apply(PARTICIPANT)), Map.of()));
    });

    body("PUT /api/v2/journey/customers/{customerIdType}/{customerId}/consent", r -> List.of(Body.json("withdrawal", false, Map.of("tracking", false))));
    body("POST /api/v2/journey/events", r -> List.of(
        // A session id is the client's to choose: the caller gets a session of its own under it.
        Body.json("own customer, another org's session id", false, Map.of(
            "customerId", r.own().cookie(), "customerIdType", "cookie", "eventType", "page_viewed",
            "sessionId", r.others().apply(JOURNEY_SESSION), "page", Map.of("url", "https://mallory.example/"))),
        Body.json("another org's customer key", false, Map.of(
            "customerId", r.others().apply(JOURNEY_CUSTOMER), "customerIdType", "cookie", "eventType", "page_viewed"))));

    body("POST /api/v2/flows", r -> List.of(Body.json("flow", false, flow(r.own()))));
    body("PUT /api/v2/flows/{flowId}", r -> List.of(Body.json("flow", false, flow(r.own()))));

    body("POST /api/v2/gdpr/bulk-erasures", r -> {
      // Identifiers, not ids: the job erases whatever the caller's own org holds of them.
      String boundary = "----sweep-" + r.own().tag();
      byte[] csv = ("type,value\nEMAIL," + r.othersEmail() + "\nPHONE," + r.othersPhone() + "\n").getBytes(StandardCharsets.UTF_8);
      return List.of(new Body("subjects of another org", false, "multipart/form-data; boundary=" + boundary,
          SweepFixture.multipart(boundary, "subjects.csv", "text/csv", csv), Map.of("deleteConfirmed", "true"), Map.of()));
    });
    body("POST /api/v2/gdpr/requests", r -> {
      List<Body> bodies = new ArrayList<>();
      for (Map<String, Object> subject : subjectsNamingOthers(r)) {
        bodies.add(Body.json("erasure of " + subject.keySet(), true, subjectRequest("GDPR_DELETE", subject)).withQuery("deleteConfirmed", "true"));
      }
      bodies.add(Body.json("export of another org's contact", true, subjectRequest("GDPR_EXPORT", Map.of("externalContactId", r.others().apply(EXTERNAL_CONTACT)))));
      bodies.add(Body.json("update of another org's user", true, Map.of("requestType", "GDPR_UPDATE", "subject", Map.of("userId", r.others().apply(USER)),
          "replacementTerms", List.of(Map.of("type", "EMAIL", "existingValue", "a@example.com", "updatedValue", "b@example.com")))));
      // The caller's own requests about values another org holds: they search the caller's org only.
      bodies.add(Body.json("erasure by another org's contact's e-mail", false,
          subjectRequest("GDPR_DELETE", Map.of("emailAddresses", List.of(r.othersEmail())))).withQuery("deleteConfirmed", "true"));
      bodies.add(Body.json("erasure by another org's user's phone", false,
          subjectRequest("GDPR_DELETE", Map.of("phoneNumbers", List.of(r.othersPhone())))).withQuery("deleteConfirmed", "true"));
      bodies.add(Body.json("erasure by another org's contact's name", false,
          subjectRequest("GDPR_DELETE", Map.of("name", r.othersName()))).withQuery("deleteConfirmed", "true"));
      bodies.add(Body.json("export by another org's contact's e-mail", false,
          subjectRequest("GDPR_EXPORT", Map.of("emailAddresses", List.of(r.othersEmail())))));
      return bodies;
    });
    body("POST /api/v2/gdpr/requests/{requestId}/extension", r -> List.of(Body.json("extension", false, Map.of("months", 1, "reason", "Mallory says so"))));

    body("POST /api/v2/governance/legal-holds", r -> {
      List<Body> bodies = new ArrayList<>();
      for (Map<String, Object> subject : subjectsNamingOthers(r)) {
        bodies.add(Body.json("hold on " + subject.keySet(), true, Map.of("subject", subject, "reason", "Art. 17(3)(e): Mallory")));
      }
      bodies.add(Body.json("hold on another org's customer key", false, Map.of(
          "subject", Map.of("journeyCustomer", Map.of("type", "cookie", "id", r.others().apply(JOURNEY_CUSTOMER))), "reason", "Art. 17(3)(e): Mallory")));
      return bodies;
    });
    body("POST /api/v2/governance/recipients", r -> List.of(Body.json("recipient", false,
        Map.of("name", "Mallory", "url", "https://mallory.example.com/hook", "active", false))));
    body("PUT /api/v2/governance/controller", r -> List.of(Body.json("controller details", false, Map.of(
        "controllerName", "Mallory Ltd", "address", "Nowhere 1", "contactEmail", "m@example.com", "dpoName", "Mallory", "dpoEmail", "m@example.com"))));
    body("PUT /api/v2/governance/dpia", r -> List.of(Body.json("DPIA answers", false, Map.of(
        "necessity", "Mallory's", "proportionality", "Mallory's", "risks", List.of(), "consultedDpo", false))));

    body("POST /api/v2/oauth/clients", r -> List.of(Body.json("client", false, Map.of("name", "Mallory", "permissions", List.of("gdpr:request:view")))));
    body("POST /api/v2/admin/organizations", r -> List.of(Body.json("organization", false, Map.of("name", "Mallory " + r.own().tag()))));
    body("POST /oauth/token", r -> List.of(new Body("another org's client id with the caller's own secret", true,
        "application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), Map.of(),
        Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (r.others().apply(OAUTH_CLIENT) + ":" + r.own().tenant().clientSecret()).getBytes(StandardCharsets.UTF_8))))));
  }
}
