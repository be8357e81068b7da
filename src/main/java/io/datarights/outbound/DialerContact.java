package io.datarights.outbound;

import java.util.Map;

/**
 * One row of a contact list: {@code data} maps the list's column names to the values, in the
 * list's column order.
 */
public record DialerContact(String id, String contactListId, Map<String, String> data, boolean callable) {

  public DialerContact {
    data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }
}
