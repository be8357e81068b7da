package io.datarights.identifiers;

/** A record that an identifier points to: the service that holds it and its id there. */
public record IndexedRecord(String service, String recordId) {}
