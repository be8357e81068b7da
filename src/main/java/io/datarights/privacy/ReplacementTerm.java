package io.datarights.privacy;

import io.datarights.identifiers.IdentifierKind;

/** One rectification: wherever the subject's records hold {@code existingValue}, write {@code updatedValue}. */
public record ReplacementTerm(IdentifierKind type, String existingValue, String updatedValue) {}
