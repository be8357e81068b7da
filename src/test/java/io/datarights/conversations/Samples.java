package io.datarights.conversations;

import java.util.List;
import java.util.Map;

/** Request bodies of typical interactions. */
final class Samples {

  static final String CUSTOMER = "11111111-1111-4111-8111-111111111111";
  static final String AGENT = "22222222-2222-4222-8222-222222222222";

  private Samples() {}

  static Map<String, Object> voiceCall(String customerName, String customerPhone) {
    return Map.of(
        "mediaType", "voice",
        "startTime", "2024-03-01T09:00:00Z",
        "endTime", "2024-03-01T09:05:00Z",
        "participants", List.of(
            participant(CUSTOMER, "customer", customerName, customerPhone),
            participant(AGENT, "agent", "Alice Agent", "+49 30 9999999")));
  }

  static Map<String, Object> email(String customerName, String customerEmail) {
    return Map.of(
        "mediaType", "email",
        "startTime", "2024-03-02T09:00:00Z",
        "participants", List.of(
            participant(CUSTOMER, "customer", customerName, customerEmail),
            participant(AGENT, "agent", "Alice Agent", "alice@contact-centre.example")),
        "messages", List.of(
            Map.of("participantId", CUSTOMER, "body", "My order never arrived."),
            Map.of("participantId", AGENT, "body", "Sorry, we will send it again.")));
  }

  static Map<String, Object> whatsApp(String customerName, String customerPhone) {
    return Map.of(
        "mediaType", "message",
        "messengerType", "whatsapp",
        "startTime", "2024-03-03T09:00:00Z",
        "participants", List.of(
            participant(CUSTOMER, "customer", customerName, customerPhone),
            participant(AGENT, "agent", "Alice Agent", null)),
        "messages", List.of(
            Map.of("participantId", CUSTOMER, "body", "Here is a photo of the damage."),
            Map.of("participantId", AGENT, "body", "Thanks, refund is on its way.")));
  }

  static Map<String, Object> participant(String id, String purpose, String name, String address) {
    var p = new java.util.LinkedHashMap<String, Object>();
    p.put("id", id);
    p.put("purpose", purpose);
    p.put("name", name);
    if (address != null) {
      p.put("address", address);
    }
    return p;
  }
}
