package io.datarights.records.internal;

/** The org a document is about. */
record OrganizationRef(String id, String name) {}
