package io.datarights.contacts.internal;

import io.datarights.contacts.BulkContact;
import io.datarights.contacts.ExternalContactsBulkLoad;
import io.datarights.database.CopyWriter;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.shared.OrgId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

@Component
class BulkContactLoader implements ExternalContactsBulkLoad {

  private static final String COLUMNS =
      "org_id, contact_id, first_name, middle_name, last_name, title, work_phone, cell_phone, home_phone, other_phone, "
          + "work_email, personal_email, other_email, address, twitter_screen_name, facebook_display_name, "
          + "instagram_screen_name, whatsapp_phone, whatsapp_display_name, apple_messages_id, external_ids, custom_fields, "
          + "canonical_contact_id, created_at, modified_at";
  private static final List<String> FIELD_ORDER =
      List.of(
          "firstName", "middleName", "lastName", "title", "workPhone", "cellPhone", "homePhone", "otherPhone",
          "workEmail", "personalEmail", "otherEmail", "address", "twitter", "facebook", "instagram", "whatsAppPhone",
          "whatsAppName", "appleMessages", "externalIds", "customFields");

  private final DataSource dataSource;
  private final ContactRepository contacts;
  private final IdentifierIndex index;

  BulkContactLoader(DataSource dataSource, ContactRepository contacts, IdentifierIndex index) {
    this.dataSource = dataSource;
    this.contacts = contacts;
    this.index = index;
  }

  @Override
  public void load(OrgId org, List<BulkContact> batch) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    List<IdentifierIndex.RecordIdentifiers> identifiers = new ArrayList<>(batch.size());
    try (CopyWriter copy = new CopyWriter(connection, "external_contacts", COLUMNS)) {
      for (BulkContact c : batch) {
        ContactFields fields = fields(c);
        Map<String, Object> values = contacts.fieldParams(fields);
        Object[] row = new Object[FIELD_ORDER.size() + 5];
        row[0] = org.value();
        row[1] = c.id();
        for (int i = 0; i < FIELD_ORDER.size(); i++) {
          row[i + 2] = values.get(FIELD_ORDER.get(i));
        }
        row[FIELD_ORDER.size() + 2] = c.canonicalId();
        row[FIELD_ORDER.size() + 3] = c.createdAt();
        row[FIELD_ORDER.size() + 4] = c.createdAt();
        copy.row(row);
        identifiers.add(new IdentifierIndex.RecordIdentifiers(c.id().toString(), fields.identifiers()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load contacts", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    index.addAll(org, ContactService.SERVICE, identifiers);
  }

  private static ContactFields fields(BulkContact c) {
    ContactFields.Builder b = new ContactFields.Builder();
    b.firstName = c.firstName();
    b.lastName = c.lastName();
    b.workEmail = c.workEmail();
    b.personalEmail = c.personalEmail();
    if (c.cellPhoneE164() != null) {
      b.cellPhone = new ContactFields.Phone(c.cellPhoneE164(), c.cellPhoneE164(), c.countryCode());
    }
    if (c.twitterScreenName() != null) {
      b.twitterId = new ContactFields.TwitterId(c.twitterScreenName());
    }
    if (c.address1() != null) {
      b.address = new ContactFields.Address(c.address1(), null, c.city(), null, c.postalCode(), c.countryCode());
    }
    if (c.externalId() != null) {
      b.externalIds = List.of(new ContactFields.ExternalId("crm", c.externalId()));
    }
    return b.build();
  }
}
