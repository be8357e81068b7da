package io.datarights.outbound.internal;

import java.util.Map;
import java.util.UUID;

/** A dialer contact as stored; {@code position} orders the rows of a list. */
record StoredContact(UUID id, UUID listId, Map<String, String> data, boolean callable, long position) {}
