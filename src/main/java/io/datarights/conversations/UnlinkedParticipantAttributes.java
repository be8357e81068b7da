package io.datarights.conversations;

import io.datarights.shared.OrgId;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Read access to the custom participant attributes of interactions that no participant links to
 * an external contact. The GDPR API does not search attributes, and such an interaction is found
 * by no contact either, so the PII scanner looks there.
 */
public interface UnlinkedParticipantAttributes {

  /** Every participant with attributes in such an interaction, in batches. */
  void forEach(OrgId org, Consumer<ParticipantAttributes> consumer);

  /** The attributes of the participant at {@code position} (0-based) of one interaction. */
  record ParticipantAttributes(String conversationId, int position, Map<String, String> attributes) {

    public ParticipantAttributes {
      attributes = Map.copyOf(attributes);
    }
  }
}
