package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One-line texts for people: a subject's id, its identifiers, a request's progress. */
final class Describe {

  private Describe() {}

  static String subjectId(JsonNode s) {
    if (s.hasNonNull("userId")) {
      return "user " + s.get("userId").asText();
    }
    if (s.hasNonNull("externalContactId")) {
      return "externalContact " + s.get("externalContactId").asText();
    }
    if (s.hasNonNull("dialerContactId")) {
      return "dialerContact " + s.get("dialerContactId").path("id").asText() + " (list " + s.get("dialerContactId").path("contactListId").asText() + ")";
    }
    if (s.hasNonNull("journeyCustomer")) {
      return "journeyCustomer " + s.get("journeyCustomer").path("type").asText() + ":" + s.get("journeyCustomer").path("id").asText();
    }
    return "-";
  }

  static String identifiers(JsonNode s) {
    List<String> parts = new ArrayList<>();
    s.path("emailAddresses").forEach(e -> parts.add(e.asText()));
    s.path("phoneNumbers").forEach(p -> parts.add(p.asText()));
    s.path("addresses").forEach(a -> parts.add(a.asText()));
    // Every handle is in the extension socialHandles; socialHandle holds the Twitter one only.
    s.path("socialHandles").forEach(h -> parts.add(h.path("type").asText() + ":" + h.path("value").asText()));
    if (!s.has("socialHandles") && s.hasNonNull("socialHandle")) {
      parts.add(s.get("socialHandle").path("type").asText() + ":" + s.get("socialHandle").path("value").asText());
    }
    return String.join(", ", parts);
  }

  static String request(JsonNode r) {
    StringBuilder text = new StringBuilder();
    text.append(r.path("id").asText()).append("  ").append(r.path("requestType").asText()).append("  ").append(r.path("status").asText())
        .append("  due ").append(r.path("dueDate").asText());
    if (r.has("verifiedErased")) {
      text.append("  verifiedErased=").append(r.get("verifiedErased").asBoolean());
    }
    if (r.hasNonNull("errorReason")) {
      text.append("\n  error: ").append(r.get("errorReason").asText());
    }
    return text.toString();
  }

  static String services(JsonNode r) {
    List<String> lines = new ArrayList<>();
    for (JsonNode s : r.path("services")) {
      lines.add(String.format("  %-17s %-8s matched %d, exported %d, updated %d, deleted %d, anonymized %d, retained %d%s",
          s.path("name").asText(), s.path("status").asText(), s.path("matched").asLong(), s.path("exported").asLong(),
          s.path("updated").asLong(), s.path("deleted").asLong(), s.path("anonymized").asLong(), s.path("retained").asLong(),
          s.hasNonNull("reason") ? " (" + s.get("reason").asText() + ")" : ""));
    }
    return String.join("\n", lines);
  }
}
