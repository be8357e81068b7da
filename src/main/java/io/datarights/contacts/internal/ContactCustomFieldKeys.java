package io.datarights.contacts.internal;

import io.datarights.contacts.CustomFieldKeys;
import io.datarights.shared.OrgId;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ContactCustomFieldKeys implements CustomFieldKeys {

  private static final int BATCH = 500;
  // PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first.
  private static final UUID FIRST = new UUID(0, 0);

  private final JdbcClient jdbc;

  ContactCustomFieldKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void forEach(OrgId org, Consumer<ContactKeys> consumer) {
    UUID after = FIRST;
    List<ContactKeys> batch;
    do {
      batch =
          jdbc.sql(
                  """
                  select contact_id, array(select jsonb_object_keys(custom_fields)) from external_contacts
                  where org_id = :org and contact_id > :after
                    and jsonb_typeof(custom_fields) = 'object' and custom_fields <> '{}'::jsonb
                  order by contact_id limit :limit
                  """)
              .param("org", org.value())
              .param("after", after)
              .param("limit", BATCH)
              .query((rs, row) -> new ContactKeys(rs.getString(1), keys(rs.getArray(2))))
              .list();
      for (ContactKeys keys : batch) {
        consumer.accept(keys);
        after = UUID.fromString(keys.contactId());
      }
    } while (batch.size() == BATCH);
  }

  private static List<String> keys(Array array) throws java.sql.SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
