package io.datarights.records.internal;

import io.datarights.identifiers.Emails;
import io.datarights.records.ControllerDetails;
import io.datarights.shared.ApiException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v2/governance/controller}. */
record ControllerDetailsInput(
    @NotBlank @Size(max = 500) String controllerName,
    @NotBlank @Size(max = 2000) String address,
    @NotBlank @Size(max = 254) String contactEmail,
    @NotBlank @Size(max = 500) String dpoName,
    @NotBlank @Size(max = 254) String dpoEmail,
    @Size(max = 2000) String representative,
    @Size(max = 2000) String supervisoryAuthority) {

  /** The details, trimmed, once the e-mail addresses are known to be valid. */
  ControllerDetails cleaned() {
    requireEmail("contactEmail", contactEmail);
    requireEmail("dpoEmail", dpoEmail);
    return new ControllerDetails(
        controllerName.strip(), address.strip(), contactEmail.strip(), dpoName.strip(), dpoEmail.strip(),
        optional(representative), optional(supervisoryAuthority));
  }

  private static void requireEmail(String field, String value) {
    if (!Emails.isValid(value)) {
      throw ApiException.invalidValue(field, field + " must be a valid e-mail address.");
    }
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
