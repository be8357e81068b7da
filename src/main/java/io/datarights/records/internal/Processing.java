package io.datarights.records.internal;

import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.InventoryEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** What the documents say about one service's processing, derived from its inventory entry. */
final class Processing {

  static final String NO_TRANSFERS = "none";

  private Processing() {}

  /** The distinct categories of personal data of the entry's fields, in the order they appear. */
  static List<String> personalDataCategories(InventoryEntry entry) {
    var categories = new LinkedHashSet<String>();
    entry.fields().forEach(f -> categories.add(f.category()));
    return List.copyOf(categories);
  }

  /**
   * Transfers to third countries: the inventory has no field of its own for them, so a recipient
   * that mentions a transfer or a third country says so; otherwise there are none (the platform is
   * self-hosted and sends nothing elsewhere by itself).
   */
  static String thirdCountryTransfers(InventoryEntry entry) {
    List<String> transfers =
        entry.recipients().stream()
            .filter(r -> {
              String text = r.toLowerCase(Locale.ROOT);
              return text.contains("third countr") || text.contains("transfer") || text.contains("outside the eea")
                  || text.contains("outside the eu");
            })
            .toList();
    return transfers.isEmpty() ? NO_TRANSFERS : String.join("; ", transfers);
  }

  /** The time limits for erasure (Art. 30(1)(f)): the retention and what an erasure request does. */
  static String erasureTimeLimits(InventoryEntry entry) {
    String retention = entry.retention() == null || entry.retention().isBlank() ? "No retention period stated." : entry.retention().strip();
    if (!retention.endsWith(".")) {
      retention += ".";
    }
    return retention + " " + erasureOnRequest(entry.erasureMode());
  }

  static String erasureOnRequest(ErasureMode mode) {
    if (mode == null) {
      return "What an erasure request does is not stated.";
    }
    return switch (mode) {
      case DELETE -> "On an erasure request the subject's records are deleted.";
      case ANONYMIZE -> "On an erasure request the subject's data is removed or replaced; the records stay, anonymized, for statistics.";
      case RETAIN_WHILE_LAWFUL ->
          "On an erasure request the records are kept while the legal basis holds (the outcome names it) and anonymized once it no longer does.";
      case NONE -> "Holds no personal data by design; nothing to erase.";
    };
  }
}
