package io.datarights.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers shared by the external contacts tests (all in org region DE, as newTenant makes them). */
abstract class ContactsTestSupport extends IntegrationTest {

  static final String CONTACTS = "/api/v2/externalcontacts/contacts";
  static final String MERGE = "/api/v2/externalcontacts/merge/contacts";

  /** A contact with every kind of field, as a Genesys client would send it. */
  static final String FULL_CONTACT =
      """
      {
        "firstName": "Jürgen", "middleName": "Karl", "lastName": "Müller", "title": "Buyer",
        "workPhone": {"display": "030 1234567"},
        "cellPhone": {"display": "+49 171 2345678"},
        "homePhone": {"e164": "+4940123456"},
        "otherPhone": {"display": "+1 (317) 555-0123"},
        "workEmail": "J.Mueller@Example.com",
        "personalEmail": "juergen@example.org",
        "otherEmail": "jm@example.net",
        "address": {"address1": "Hauptstraße 5", "address2": "Hinterhaus", "city": "Berlin",
                    "state": "BE", "postalCode": "10115", "countryCode": "DE"},
        "twitterId": {"screenName": "@JuergenM"},
        "facebookId": {"displayName": "juergen.mueller"},
        "instagramId": {"screenName": "jm_insta"},
        "whatsAppId": {"phoneNumber": {"display": "0151 23456789"}, "displayName": "Jürgen"},
        "appleMessagesId": {"value": "urn:biz:jm-apple"},
        "externalIds": [{"externalSource": "crm", "value": "CRM-0042"}],
        "customFields": {"loyaltyTier": "gold", "backupContact": "Assistant@Example.com", "visits": 12},
        "someFieldGenesysMightAdd": {"ignored": true}
      }
      """;

  @Autowired IdentifierIndex index;
  @Autowired ExternalContacts externalContacts;

  static JsonNode create(Api api, Object body) {
    Api.Response created = api.post(CONTACTS, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  static String createId(Api api, Object body) {
    return create(api, body).get("id").asText();
  }

  static JsonNode merge(Api api, String source, String target) {
    Api.Response merged = api.post(MERGE, java.util.Map.of("sourceContactId", source, "targetContactId", target));
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    return merged.json();
  }

  static JsonNode get(Api api, String id) {
    Api.Response response = api.get(CONTACTS + "/" + id);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  List<String> lookup(Tenant tenant, IdentifierKind kind, String value) {
    return index.lookup(OrgId.of(tenant.orgId()), kind, value, "externalContacts");
  }

  static OrgId org(Tenant tenant) {
    return OrgId.of(tenant.orgId());
  }
}
