package io.datarights.identifiers;

import io.datarights.shared.OrgId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Writes and reads the identifier index. Writes join the caller's transaction, so that a record
 * and its identifiers change together.
 */
public interface IdentifierIndex {

  /** Replaces every identifier of one record with these (normalized here; unusable ones skipped). */
  void replace(OrgId org, String service, String recordId, Collection<Identifier> identifiers);

  /** Removes every identifier of one record. */
  void remove(OrgId org, String service, String recordId);

  /** Adds the identifiers of many new records in a few statements (bulk imports). */
  void addAll(OrgId org, String service, List<RecordIdentifiers> records);

  /** Removes every identifier of many records. */
  void removeAll(OrgId org, String service, Collection<String> recordIds);

  /** The identifiers of one record, for bulk writes. */
  record RecordIdentifiers(String recordId, Collection<Identifier> identifiers) {}

  /** The records whose identifiers match the value after normalization, in any service. */
  List<IndexedRecord> lookup(OrgId org, IdentifierKind kind, String value);

  /** The ids of one service's records that match the value after normalization. */
  List<String> lookup(OrgId org, IdentifierKind kind, String value, String service);

  /** The ids of one service's records that match any of the identifiers, in one index query. */
  Set<String> lookupAny(OrgId org, Collection<Identifier> identifiers, String service);

  /** The org's default phone region, as normalization uses it. */
  String regionOf(OrgId org);
}
