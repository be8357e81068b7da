package io.datarights.privacy;

import java.util.List;

/**
 * What a service holds and why: the data inventory from which the Art. 30 record, the DPIA and the
 * Art. 15(1) part of every export are generated.
 */
public record InventoryEntry(
    String service,
    String description,
    List<Field> fields,
    List<String> dataSubjectCategories,
    List<String> purposes,
    String legalBasis,
    List<String> recipients,
    String retention,
    String source,
    ErasureMode erasureMode) {

  public InventoryEntry {
    fields = List.copyOf(fields);
    dataSubjectCategories = List.copyOf(dataSubjectCategories);
    purposes = List.copyOf(purposes);
    recipients = List.copyOf(recipients);
  }

  /** One field: its name, its category of personal data, and whether the GDPR API searches it. */
  public record Field(String name, String category, boolean searched) {}
}
