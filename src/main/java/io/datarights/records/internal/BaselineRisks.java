package io.datarights.records.internal;

import io.datarights.privacy.InventoryEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The risks that come with each category of personal data the services hold, as a starting point
 * for the org's own assessment. Categories are free text in the inventory, so a category is
 * recognized by words in its name, else in the names of its fields; one it does not recognize
 * still gets the general risk of unauthorized access or loss.
 */
final class BaselineRisks {

  private record Rule(List<String> words, String description, Level likelihood, Level severity, String measures, List<String> productMeasures) {

    boolean matches(String text) {
      return words.stream().anyMatch(text::contains);
    }
  }

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              List.of("special categor", "health", "biometric", "genetic", "religio", "ethnic", "political", "sexual", "trade union", "criminal"),
              "Special categories of personal data (Art. 9) or data about criminal offences (Art. 10) are held: their"
                  + " disclosure or misuse can lead to discrimination, exclusion or other serious harm.",
              Level.MEDIUM, Level.HIGH,
              "Make sure a condition of Art. 9(2) applies; restrict access to the staff and clients who need these data;"
                  + " keep them no longer than needed.",
              List.of("access-control", "tenant-isolation", "verified-erasure")),
          new Rule(
              List.of("free-form", "free form", "free text", "free-text", "any category", "message", "bodies", "body",
                  "attachment", "recording", "transcript", "content", "communication", "note", "comment", "custom"),
              "Free text, message bodies, attachments and recordings can hold anything a person wrote or said, including"
                  + " special categories of data (health, religion, political opinions...) and data about third persons,"
                  + " without anyone having chosen to collect it; not all of it is found by a search by identifier.",
              Level.MEDIUM, Level.HIGH,
              "Tell agents and integrations not to put such data in free-form places; review these places regularly;"
                  + " keep their retention short; on erasure, delete message bodies, attachments and recordings.",
              List.of("access-control", "tenant-isolation", "verified-erasure", "signed-expiring-export-links")),
          new Rule(
              List.of("tracking", "journey", "cookie", "visit", "session", "behavio", "trait", "page", "location", "browsing"),
              "Visitors' behaviour is recorded across visits and can be used for profiling; tracking without valid consent"
                  + " or beyond its purpose intrudes on private life.",
              Level.MEDIUM, Level.MEDIUM,
              "Track only visitors whose consent is recorded; keep sessions and events no longer than their purpose needs.",
              List.of("tenant-isolation", "access-control", "verified-erasure")),
          new Rule(
              List.of("online identifier", "social", "handle", "twitter", "facebook", "instagram", "whatsapp",
                  "identifiers in other systems", "external id"),
              "Identifiers on other platforms and in other systems link the person's records across them, so that"
                  + " profiles can be combined and the person found elsewhere.",
              Level.LOW, Level.MEDIUM,
              "Hold only the identifiers needed to recognize the person; pass erasures on to the linked systems (Art. 19).",
              List.of("tenant-isolation", "access-control", "verified-erasure")),
          new Rule(
              List.of("contact", "phone", "e-mail", "email", "address"),
              "Contact data can be disclosed or misused for unsolicited contact or phishing, or to locate the person; a"
                  + " wrong or stale value sends information to another person.",
              Level.MEDIUM, Level.MEDIUM,
              "Rectify on request (Art. 16); give access only to staff and clients who need it.",
              List.of("tenant-isolation", "access-control", "hashed-client-secrets", "signed-tokens", "rate-limits")),
          new Rule(
              List.of("identification", "name", "identity"),
              "Names tie all other data to a person; a name shared by several people can lead to another person's data"
                  + " being disclosed or erased when a request is answered.",
              Level.MEDIUM, Level.MEDIUM,
              "Check the requester's identity (Art. 12(6)) and search by more than a name before answering a request.",
              List.of("tenant-isolation", "access-control", "pseudonymous-audit-subjects", "hash-chained-audit-log")),
          new Rule(
              List.of("employ", "personal status", "presence", "performance", "working time"),
              "Employees' data can be used to monitor their performance or behaviour beyond what the employment needs.",
              Level.LOW, Level.MEDIUM,
              "Limit access for supervisors to what their role needs; inform employees (Art. 13) and involve their"
                  + " representatives where national law requires it.",
              List.of("access-control", "hash-chained-audit-log")),
          new Rule(
              List.of("link", "merge", "relationship"),
              "Records are linked as the same person; a wrong link mixes two people's data, so that one person's data is"
                  + " disclosed to, or erased for, another.",
              Level.LOW, Level.MEDIUM,
              "Link or merge only records known to be the same person, and undo wrong links promptly.",
              List.of("verified-erasure", "hash-chained-audit-log")));

  private static final Rule GENERAL =
      new Rule(
          List.of(),
          "Unauthorized access to, disclosure or loss of these data.",
          Level.LOW, Level.MEDIUM,
          "Give access only to staff and clients who need it; keep the data no longer than needed.",
          List.of("tenant-isolation", "access-control", "hash-chained-audit-log"));

  private BaselineRisks() {}

  /** One risk per distinct category of personal data in the inventory, in the order they first appear. */
  static List<RiskView> of(List<InventoryEntry> inventory) {
    Map<String, List<String>> heldIn = new LinkedHashMap<>();
    Map<String, List<String>> fieldNames = new LinkedHashMap<>();
    for (InventoryEntry entry : inventory) {
      for (InventoryEntry.Field field : entry.fields()) {
        String category = field.category() == null || field.category().isBlank() ? "uncategorized data" : field.category().strip();
        heldIn.computeIfAbsent(category, c -> new ArrayList<>()).add(entry.service() + ": " + field.name());
        fieldNames.computeIfAbsent(category, c -> new ArrayList<>()).add(field.name());
      }
    }
    List<RiskView> risks = new ArrayList<>();
    heldIn.forEach(
        (category, where) -> {
          Rule rule = ruleFor(category, fieldNames.get(category));
          risks.add(
              new RiskView(
                  RiskView.BASELINE, category, List.copyOf(where), rule.description(), rule.likelihood(), rule.severity(),
                  Level.of(rule.likelihood(), rule.severity()), rule.measures(), rule.productMeasures()));
        });
    return risks;
  }

  private static Rule ruleFor(String category, List<String> fields) {
    String name = category.toLowerCase(Locale.ROOT);
    String fieldText = String.join(" ", fields).toLowerCase(Locale.ROOT);
    return first(name).or(() -> first(fieldText)).orElse(GENERAL);
  }

  private static Optional<Rule> first(String text) {
    return RULES.stream().filter(r -> r.matches(text)).findFirst();
  }
}
