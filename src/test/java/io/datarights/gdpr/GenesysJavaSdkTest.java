package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiException;
import com.mypurecloud.sdk.v2.api.GeneralDataProtectionRegulationApi;
import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.mypurecloud.sdk.v2.model.DialerContactId;
import com.mypurecloud.sdk.v2.model.GDPRJourneyCustomer;
import com.mypurecloud.sdk.v2.model.GDPRRequest;
import com.mypurecloud.sdk.v2.model.GDPRRequestEntityListing;
import com.mypurecloud.sdk.v2.model.GDPRSubject;
import com.mypurecloud.sdk.v2.model.GDPRSubjectEntityListing;
import com.mypurecloud.sdk.v2.model.ReplacementTerm;
import com.mypurecloud.sdk.v2.model.SocialHandle;
import io.datarights.support.Api;
import io.datarights.support.ServerProcess;
import io.datarights.support.TestCertificate;
import io.datarights.support.TestDatabase;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Genesys Cloud Java SDK ({@code com.mypurecloud:platform-client-v2}), unchanged,
 * drives every GDPR operation against a server run as an operator serves Genesys SDK clients:
 * HTTPS through Spring Boot's {@code server.ssl.*}, under {@code api.X} for the API and
 * {@code login.X} for the token (the SDK derives the login host from its base path). The names
 * resolve to loopback through the test JVM's hosts file ({@code src/test/hosts}).
 *
 * <p>Every answer is walked after the SDK read it: an enum value the SDK models do not know
 * becomes {@code OUTDATEDSDKVERSION} in the Java SDK (and an error in the JS and Python SDKs).
 */
class GenesysJavaSdkTest {

  private static final String API_HOST = "api.datarights.test";
  private static final String LOGIN_HOST = "login.datarights.test";
  private static final Duration COMPLETION = Duration.ofSeconds(60);

  @TempDir static Path tempDir;

  private static TestCertificate certificate;
  private static ServerProcess server;
  private static String basePath;
  private static Org acme;
  private static Fixtures people;

  /** One org of the server and its first client's credentials. */
  record Org(String clientId, String secret, Api api) {}

  /** Ids of the records the searches should find. */
  record Fixtures(String userId, String contactId, String contactListId, String dialerContactId, String cookie) {}

  @BeforeAll
  static void startHttpsServer() {
    certificate = TestCertificate.create(tempDir, API_HOST, LOGIN_HOST);
    Map<String, String> settings = new LinkedHashMap<>(ServerProcess.defaults());
    server = ServerProcess.startHttps(
        "genesys-sdk", TestDatabase.newDatabase("genesys_sdk"), tempDir.resolve("data"), settings, certificate, API_HOST);
    basePath = "https://" + API_HOST + ":" + server.port();
    acme = newOrg("Acme");
    people = createPeople(acme.api());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private static Org newOrg(String name) {
    Api.Response created = server.admin().post("/api/v2/admin/organizations", Map.of("name", name, "defaultRegion", "DE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode client = created.json().get("client");
    String id = client.get("id").asText();
    String secret = client.get("secret").asText();
    return new Org(id, secret, server.api().withToken(server.api().token(id, secret)));
  }

  private static String id(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isIn(200, 201, 202);
    return response.json().get("id").asText();
  }

  /** One person, Jürgen Müller, in four services, and his namesake-free identifiers. */
  private static Fixtures createPeople(Api api) {
    String user = id(api.post("/api/v2/users", Map.of("name", "Jürgen Müller", "email", "j.mueller@example.com")));
    String contact = id(api.post("/api/v2/externalcontacts/contacts", Map.ofEntries(
        Map.entry("firstName", "Jürgen"), Map.entry("lastName", "Müller"),
        Map.entry("workEmail", "j.mueller@example.com"),
        Map.entry("cellPhone", Map.of("display", "+49 171 2345678")),
        Map.entry("address", Map.of("address1", "Hauptstraße 5", "city", "Berlin", "postalCode", "10115", "countryCode", "DE")),
        Map.entry("twitterId", Map.of("screenName", "@JuergenM")),
        Map.entry("facebookId", Map.of("displayName", "juergen.mueller")),
        Map.entry("instagramId", Map.of("screenName", "jm_insta")),
        Map.entry("appleMessagesId", Map.of("value", "urn:biz:jm-apple")),
        Map.entry("whatsAppId", Map.of("phoneNumber", Map.of("display", "0151 23456789"))),
        Map.entry("externalIds", List.of(Map.of("externalSource", "crm", "value", "CRM-0042"))))));
    String list = id(api.post("/api/v2/outbound/contactlists", Map.of(
        "name", "customers",
        "columnNames", List.of("firstName", "lastName", "phone", "email"),
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal")))));
    Api.Response added = api.post("/api/v2/outbound/contactlists/" + list + "/contacts",
        List.of(Map.of("data", Map.of("firstName", "Jürgen", "lastName", "Müller", "phone", "+49 171 2345678", "email", "j.mueller@example.com"))));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    String dialerContact = added.json().get(0).get("id").asText();
    String cookie = "cookie-juergen";
    api.put("/api/v2/journey/customers/cookie/" + cookie + "/consent", Map.of("tracking", true));
    Api.Response tracked = api.post("/api/v2/journey/events", Map.of(
        "customerId", cookie, "customerIdType", "cookie", "eventType", "form_submitted",
        "page", Map.of("url", "https://shop.example/contact", "title", "Contact"),
        "traits", Map.of("email", "j.mueller@example.com", "firstName", "Jürgen", "lastName", "Müller")));
    assertThat(tracked.status()).as(tracked.toString()).isEqualTo(201);
    return new Fixtures(user, contact, list, dialerContact, cookie);
  }

  /**
   * An SDK client as its documentation builds one, logged in. The JVM's default trust store is
   * the server's certificate while the client is built (its Apache connector reads it then), as
   * {@code -Djavax.net.ssl.trustStore} would make it for a whole client JVM.
   */
  private static GeneralDataProtectionRegulationApi sdk(Org org) throws Exception {
    ApiClient client = withTrustStore(() -> ApiClient.Builder.standard().withBasePath(basePath).build());
    client.authorizeClientCredentials(org.clientId(), org.secret());
    return new GeneralDataProtectionRegulationApi(client);
  }

  private interface Build<T> {
    T get() throws Exception;
  }

  private static synchronized <T> T withTrustStore(Build<T> build) throws Exception {
    Map<String, String> previous = new LinkedHashMap<>();
    Map<String, String> trust = Map.of(
        "javax.net.ssl.trustStore", certificate.trustStore().toString(),
        "javax.net.ssl.trustStoreType", "PKCS12",
        "javax.net.ssl.trustStorePassword", certificate.password());
    // The JVM's own default context is made first, so that it keeps the JDK's trust store.
    javax.net.ssl.SSLContext.getDefault();
    trust.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
    try {
      return build.get();
    } finally {
      previous.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
  }

  @Test
  void anSdkClientLogsInWithClientCredentialsAtTheLoginHostNextToItsApiHost() throws Exception {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    HttpRequestInterceptor recorder = (request, context) -> calls.add(
        request.getRequestLine().getMethod() + " " + HttpCoreContext.adapt(context).getTargetHost()
            + request.getRequestLine().getUri().replaceAll("\\?.*", ""));
    ApiClient client = withTrustStore(() -> ApiClient.Builder.standard().withBasePath(basePath).withHttpRequestInterceptor(recorder).build());

    AuthResponse auth = client.authorizeClientCredentials(acme.clientId(), acme.secret()).getBody();
    new GeneralDataProtectionRegulationApi(client).getGdprRequests(1, 1);

    assertThat(auth.getAccess_token()).isNotBlank();
    assertThat(auth.getToken_type()).isEqualToIgnoringCase("bearer");
    assertThat(auth.getExpires_in()).isPositive();
    assertThat(calls).containsExactly(
        "POST https://" + LOGIN_HOST + ":" + server.port() + "/oauth/token",
        "GET https://" + API_HOST + ":" + server.port() + "/api/v2/gdpr/requests");
  }

  @Test
  void anSdkClientWithTheWrongSecretIsRefused() throws Exception {
    ApiClient client = withTrustStore(() -> ApiClient.Builder.standard().withBasePath(basePath).withShouldRefreshAccessToken(false).build());

    assertThatThrownBy(() -> client.authorizeClientCredentials(acme.clientId(), "not-the-secret"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
    // With its default settings the SDK answers a 401 by trying a refresh_token grant (without a
    // refresh token), which is refused with a 400 naming grant_type: still no token.
    ApiClient standard = withTrustStore(() -> ApiClient.Builder.standard().withBasePath(basePath).build());
    assertThatThrownBy(() -> standard.authorizeClientCredentials(acme.clientId(), "not-the-secret"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isIn(400, 401));
  }

  @Test
  void everySearchTypeFindsThePersonThroughTheSdk() throws Exception {
    GeneralDataProtectionRegulationApi gdpr = sdk(acme);
    Map<String, String> searches = new LinkedHashMap<>();
    searches.put("NAME", "Müller Jürgen");
    searches.put("ADDRESS", "Hauptstraße 5, Berlin, 10115");
    searches.put("PHONE", "0171 2345678");
    searches.put("EMAIL", "J.Mueller@example.com");
    searches.put("TWITTER", "@JuergenM");
    searches.put("INSTAGRAM", "jm_insta");
    searches.put("FACEBOOK", "juergen.mueller");
    searches.put("APPLE_MESSAGES", "urn:biz:jm-apple");
    searches.put("WHATSAPP", "+49 151 23456789");
    searches.put("EXTERNAL_ID", "CRM-0042");

    for (Map.Entry<String, String> search : searches.entrySet()) {
      GDPRSubjectEntityListing listing = gdpr.getGdprSubjects(search.getKey(), search.getValue());

      assertKnownToTheSdk(listing);
      GDPRSubject contact = only(listing.getEntities(), s -> people.contactId().equals(s.getExternalContactId()), search.getKey());
      assertThat(contact.getName()).isEqualTo("Jürgen Müller");
      assertThat(contact.getSocialHandle().getType()).as(search.getKey()).isEqualTo(SocialHandle.TypeEnum.TWITTER);
      assertThat(contact.getSocialHandle().getValue()).isEqualTo("@JuergenM");
      assertThat(contact.getPhoneNumbers()).as("the WhatsApp number among the phone numbers").contains("+491712345678", "+4915123456789");
      assertThat(contact.getExternalId()).isEqualTo("CRM-0042");
      assertThat(listing.getSelfUri()).contains("searchType=" + search.getKey(), "searchValue=");
    }
  }

  @Test
  void aSubjectWhoseOnlySocialIdentityIsAWhatsAppNumberReadsWithKnownValuesOnly() throws Exception {
    Org own = newOrg("WhatsApp");
    String contact = id(own.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Wanda", "lastName", "Wu",
        "whatsAppId", Map.of("phoneNumber", Map.of("display", "+49 151 99887766")))));

    GDPRSubjectEntityListing listing = sdk(own).getGdprSubjects("WHATSAPP", "+49 151 99887766");

    assertKnownToTheSdk(listing);
    GDPRSubject wanda = only(listing.getEntities(), s -> contact.equals(s.getExternalContactId()), "the contact");
    assertThat(wanda.getSocialHandle()).isNull();
    assertThat(wanda.getPhoneNumbers()).containsExactly("+4915199887766");
  }

  @Test
  void theSdkFindsAUserAnExternalContactADialerContactAndAJourneyCustomerByOneEmailAddress() throws Exception {
    GeneralDataProtectionRegulationApi gdpr = sdk(acme);

    GDPRSubjectEntityListing listing = gdpr.getGdprSubjects("EMAIL", "j.mueller@example.com");

    assertKnownToTheSdk(listing);
    List<GDPRSubject> subjects = listing.getEntities();
    assertThat(listing.getTotal()).isEqualTo(4L);
    only(subjects, s -> people.userId().equals(s.getUserId()), "user");
    only(subjects, s -> people.contactId().equals(s.getExternalContactId()), "external contact");
    GDPRSubject dialer = only(subjects, s -> s.getDialerContactId() != null, "dialer contact");
    assertThat(dialer.getDialerContactId().getId()).isEqualTo(people.dialerContactId());
    assertThat(dialer.getDialerContactId().getContactListId()).isEqualTo(people.contactListId());
    GDPRSubject journey = only(subjects, s -> s.getJourneyCustomer() != null, "journey customer");
    assertThat(journey.getJourneyCustomer().getType()).isEqualTo("cookie");
    assertThat(journey.getJourneyCustomer().getId()).isEqualTo(people.cookie());
  }

  @Test
  void exportUpdateAndDeleteRequestsFiledThroughTheSdkRunToCompletion() throws Exception {
    Org own = newOrg("Requests");
    Fixtures fixtures = createPeople(own.api());
    GeneralDataProtectionRegulationApi gdpr = sdk(own);

    GDPRSubject byDialerContact = new GDPRSubject()
        .dialerContactId(new DialerContactId().id(fixtures.dialerContactId()).contactListId(fixtures.contactListId()));
    GDPRRequest export = completed(gdpr, gdpr.postGdprRequests(
        new GDPRRequest().requestType(GDPRRequest.RequestTypeEnum.GDPR_EXPORT).name("ticket 1").subject(byDialerContact), null));
    assertThat(export.getSubject().getDialerContactId().getId()).isEqualTo(fixtures.dialerContactId());
    assertThat(export.getResultsUrl()).isNotBlank();

    GDPRSubject byJourneyCustomer = new GDPRSubject().journeyCustomer(new GDPRJourneyCustomer().type("cookie").id(fixtures.cookie()));
    completed(gdpr, gdpr.postGdprRequests(
        new GDPRRequest().requestType(GDPRRequest.RequestTypeEnum.GDPR_EXPORT).subject(byJourneyCustomer), null));

    GDPRRequest update = completed(gdpr, gdpr.postGdprRequests(new GDPRRequest()
        .requestType(GDPRRequest.RequestTypeEnum.GDPR_UPDATE)
        .subject(new GDPRSubject().externalContactId(fixtures.contactId()))
        .replacementTerms(List.of(new ReplacementTerm()
            .type(ReplacementTerm.TypeEnum.EMAIL).existingValue("j.mueller@example.com").updatedValue("juergen@example.org"))), null));
    assertThat(update.getReplacementTerms()).singleElement().satisfies(t -> {
      assertThat(t.getType()).isEqualTo(ReplacementTerm.TypeEnum.EMAIL);
      assertThat(t.getUpdatedValue()).isEqualTo("juergen@example.org");
    });
    assertThat(gdpr.getGdprSubjects("EMAIL", "juergen@example.org").getEntities())
        .anySatisfy(s -> assertThat(s.getExternalContactId()).isEqualTo(fixtures.contactId()));

    completed(gdpr, gdpr.postGdprRequests(new GDPRRequest()
        .requestType(GDPRRequest.RequestTypeEnum.GDPR_DELETE)
        .subject(new GDPRSubject().socialHandle(new SocialHandle().type(SocialHandle.TypeEnum.TWITTER).value("@JuergenM"))), true));
    assertThat(gdpr.getGdprSubjects("TWITTER", "@JuergenM").getEntities()).isEmpty();
  }

  @Test
  void aDeleteWithoutConfirmationIsAnApiException400ThatChangesNothing() throws Exception {
    Org own = newOrg("Unconfirmed");
    createPeople(own.api());
    GeneralDataProtectionRegulationApi gdpr = sdk(own);
    GDPRRequest delete = new GDPRRequest()
        .requestType(GDPRRequest.RequestTypeEnum.GDPR_DELETE)
        .subject(new GDPRSubject().emailAddresses(List.of("j.mueller@example.com")));

    for (Boolean confirmed : new Boolean[] {null, false}) {
      assertThatThrownBy(() -> gdpr.postGdprRequests(delete, confirmed))
          .as("deleteConfirmed=" + confirmed)
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getRawBody()).contains("deleteConfirmed");
          });
    }

    assertThat(gdpr.getGdprRequests(25, 1).getTotal()).isZero();
    assertThat(gdpr.getGdprSubjects("EMAIL", "j.mueller@example.com").getTotal()).isEqualTo(4L);
  }

  @Test
  void theSdkPagesThroughRequestsNewestFirst() throws Exception {
    Org own = newOrg("Paging");
    GeneralDataProtectionRegulationApi gdpr = sdk(own);
    List<String> filed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      filed.add(gdpr.postGdprRequests(new GDPRRequest()
          .requestType(GDPRRequest.RequestTypeEnum.GDPR_EXPORT)
          .subject(new GDPRSubject().emailAddresses(List.of("person" + i + "@example.com"))), null).getId());
    }

    List<String> listed = new ArrayList<>();
    GDPRRequestEntityListing first = gdpr.getGdprRequests(2, 1);
    for (int page = 1; page <= first.getPageCount(); page++) {
      GDPRRequestEntityListing listing = gdpr.getGdprRequests(2, page);
      assertKnownToTheSdk(listing);
      assertThat(listing.getPageSize()).isEqualTo(2);
      assertThat(listing.getPageNumber()).isEqualTo(page);
      assertThat(listing.getTotal()).isEqualTo(5L);
      assertThat(listing.getEntities()).hasSize(page < 3 ? 2 : 1);
      listing.getEntities().forEach(r -> listed.add(r.getId()));
    }

    assertThat(first.getPageCount()).isEqualTo(3);
    Collections.reverse(filed);
    assertThat(listed).isEqualTo(filed);
  }

  @Test
  void aRequestsCreatedDateReadsAsTheSameInstantInTheSdkAsFiled() throws Exception {
    Org own = newOrg("Dates");
    GeneralDataProtectionRegulationApi gdpr = sdk(own);
    Instant before = Instant.now().minusSeconds(1);

    GDPRRequest created = gdpr.postGdprRequests(new GDPRRequest()
        .requestType(GDPRRequest.RequestTypeEnum.GDPR_EXPORT)
        .subject(new GDPRSubject().phoneNumbers(List.of("+49 30 1234567"))), null);
    GDPRRequest read = gdpr.getGdprRequest(created.getId());
    Instant after = Instant.now().plusSeconds(1);

    // The SDK parses the fraction as milliseconds: six or nine digits would move it by minutes or days.
    assertThat(created.getCreatedDate().toInstant()).isBetween(before, after);
    assertThat(read.getCreatedDate()).isEqualTo(created.getCreatedDate());
  }

  @Test
  void subjectsOfRequestsFiledWithHandlesGenesysDoesNotModelReadBackWithKnownValuesOnly() throws Exception {
    Org own = newOrg("Handles");
    GeneralDataProtectionRegulationApi gdpr = sdk(own);
    List<String> ids = new ArrayList<>();
    // Other clients (the CLI, the console, plain HTTP) may name these types; the SDK cannot.
    for (String type : List.of("WHATSAPP", "FACEBOOK", "INSTAGRAM", "APPLE_MESSAGES")) {
      Api.Response filed = own.api().post("/api/v2/gdpr/requests", Map.of(
          "requestType", "GDPR_EXPORT", "subject", Map.of("socialHandle", Map.of("type", type, "value", "+49 151 23456789"))));
      ids.add(id(filed));
    }

    for (String id : ids) {
      GDPRRequest request = gdpr.getGdprRequest(id);
      assertKnownToTheSdk(request);
      assertThat(request.getSubject().getSocialHandle()).isNull();
    }
    assertThat(gdpr.getGdprRequest(ids.get(0)).getSubject().getPhoneNumbers()).containsExactly("+49 151 23456789");
    assertKnownToTheSdk(gdpr.getGdprRequests(25, 1));
  }

  private static GDPRSubject only(List<GDPRSubject> subjects, Predicate<GDPRSubject> which, String what) {
    List<GDPRSubject> matching = subjects.stream().filter(which).toList();
    assertThat(matching).as(what + " in " + subjects).hasSize(1);
    return matching.get(0);
  }

  /** Polls the request through the SDK until it is COMPLETED (bounded), walking every answer. */
  private static GDPRRequest completed(GeneralDataProtectionRegulationApi gdpr, GDPRRequest created) {
    assertKnownToTheSdk(created);
    assertThat(created.getStatus()).isNotIn(GDPRRequest.StatusEnum.ERROR);
    GDPRRequest[] last = new GDPRRequest[1];
    await().atMost(COMPLETION).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = gdpr.getGdprRequest(created.getId());
      assertKnownToTheSdk(last[0]);
      assertThat(last[0].getStatus()).as(last[0].toString()).isNotEqualTo(GDPRRequest.StatusEnum.ERROR);
      return last[0].getStatus() == GDPRRequest.StatusEnum.COMPLETED;
    });
    assertThat(last[0].getRequestType()).isEqualTo(created.getRequestType());
    return last[0];
  }

  /** No enum anywhere in an SDK model read from an answer holds a value the SDK did not know. */
  static void assertKnownToTheSdk(Object model) {
    List<String> unknown = new ArrayList<>();
    walk(model, "answer", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
    assertThat(unknown).as("values the Genesys SDK models do not know").isEmpty();
  }

  private static void walk(Object value, String path, List<String> unknown, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    if (value instanceof Enum<?> e) {
      if (e.name().equals("OUTDATEDSDKVERSION")) {
        unknown.add(path);
      }
    } else if (value instanceof Iterable<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", unknown, seen);
      }
    } else if (value.getClass().getPackageName().equals("com.mypurecloud.sdk.v2.model")) {
      for (Method getter : value.getClass().getMethods()) {
        if (getter.getName().startsWith("get") && getter.getParameterCount() == 0 && getter.getDeclaringClass() != Object.class) {
          try {
            walk(getter.invoke(value), path + "." + getter.getName().substring(3), unknown, seen);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
  }
}
