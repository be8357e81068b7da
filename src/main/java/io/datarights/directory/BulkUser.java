package io.datarights.directory;

import java.util.UUID;

/** An employee for a bulk load (demo and scale data); the id is the caller's, to link to it. */
public record BulkUser(UUID id, String name, String email, String title, String state, String workPhoneE164) {}
