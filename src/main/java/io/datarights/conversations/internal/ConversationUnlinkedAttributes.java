package io.datarights.conversations.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.conversations.UnlinkedParticipantAttributes;
import io.datarights.shared.OrgId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class ConversationUnlinkedAttributes implements UnlinkedParticipantAttributes {

  private static final int BATCH = 500;
  private static final UUID FIRST = new UUID(0, 0);
  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ConversationUnlinkedAttributes(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void forEach(OrgId org, Consumer<ParticipantAttributes> consumer) {
    UUID afterConversation = FIRST;
    int afterPosition = -1;
    List<ParticipantAttributes> batch;
    do {
      batch =
          jdbc.sql(
                  """
                  select p.conversation_id, p.position, p.attributes::text from conversation_participants p
                  where p.org_id = :org and (p.conversation_id, p.position) > (:conversation, :position)
                    and p.attributes <> '{}'::jsonb
                    and not exists (
                      select 1 from conversation_participants linked
                      where linked.org_id = p.org_id and linked.conversation_id = p.conversation_id
                        and linked.external_contact_id is not null)
                  order by p.conversation_id, p.position limit :limit
                  """)
              .param("org", org.value())
              .param("conversation", afterConversation)
              .param("position", afterPosition)
              .param("limit", BATCH)
              .query((rs, row) -> new ParticipantAttributes(rs.getString(1), rs.getInt(2), parse(rs.getString(3))))
              .list();
      for (ParticipantAttributes p : batch) {
        consumer.accept(p);
        afterConversation = UUID.fromString(p.conversationId());
        afterPosition = p.position();
      }
    } while (batch.size() == BATCH);
  }

  private Map<String, String> parse(String attributes) {
    try {
      return json.readValue(attributes, ATTRIBUTES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable participant attributes", e);
    }
  }
}
