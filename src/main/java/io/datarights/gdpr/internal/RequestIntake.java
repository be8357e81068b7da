package io.datarights.gdpr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks what a caller files as a request, field by field, counts it against the rate limit (one
 * token per request it files), refuses a name or an address that reaches several persons, and
 * hands it to the {@link RequestService}. The API and the console file through here alike.
 */
@Component
class RequestIntake {

  private static final Set<IdentifierKind> REPLACEABLE =
      Set.of(IdentifierKind.NAME, IdentifierKind.ADDRESS, IdentifierKind.PHONE, IdentifierKind.EMAIL);

  private final RequestService service;
  private final AmbiguousSubjects ambiguous;
  private final RateLimits rateLimits;
  private final IdentifierIndex index;
  private final ObjectMapper json;

  RequestIntake(RequestService service, AmbiguousSubjects ambiguous, RateLimits rateLimits, IdentifierIndex index, ObjectMapper json) {
    this.service = service;
    this.ambiguous = ambiguous;
    this.rateLimits = rateLimits;
    this.index = index;
    this.json = json;
  }

  /** The Genesys {@code GDPRRequest} body as a caller posts it. */
  record CreateBody(String requestType, GdprSubject subject, List<ReplacementTermBody> replacementTerms, String name) {}

  record ReplacementTermBody(String type, String existingValue, String updatedValue) {}

  /**
   * @param allowMultipleSubjects the caller means everyone a name or an address alone finds (else
   *     such a request reaching more than one person is refused)
   */
  RequestService.Filed file(
      Caller caller, CreateBody body, Boolean deleteConfirmed, Boolean allowMultipleSubjects, String idempotencyKey) {
    RequestType type = requestType(body.requestType());
    if (type == RequestType.GDPR_DELETE && !Boolean.TRUE.equals(deleteConfirmed)) {
      throw ApiException.invalidValue("deleteConfirmed", "A GDPR_DELETE request needs deleteConfirmed=true: it erases data for good.");
    }
    List<ReplacementTerm> replacements = replacements(caller, type, body.replacementTerms());
    if (body.name() != null && body.name().length() > 200) {
      throw ApiException.invalidValue("name", "name is longer than 200 characters.");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw ApiException.invalidValue("Idempotency-Key", "Idempotency-Key must hold 1 to 200 characters.");
    }
    boolean allowMultiple = Boolean.TRUE.equals(allowMultipleSubjects);
    var command =
        new RequestService.NewRequest(
            type, body.subject(), replacements, body.name(), idempotencyKey, hash(type, body, deleteConfirmed, allowMultiple), allowMultiple);
    Optional<RequestService.Filed> replay = service.replay(caller, command);
    if (replay.isPresent()) {
      return replay.get(); // files nothing, counts nothing
    }
    RequestService.Plan plan = service.plan(caller, command);
    // A merge set of n is n requests' work: n tokens, or none and a 429.
    rateLimits.consume(caller, RateLimitedAction.GDPR_REQUEST_CREATE, plan.requests());
    Map<String, String> audit = new LinkedHashMap<>();
    Optional<Identifier> shared = plan.resolved().sharedByOthers();
    if (shared.isPresent()) {
      // After the token: the check is a subject search, and a refusal must not be a free one.
      int persons = ambiguous.check(caller, shared.get(), allowMultiple);
      if (allowMultiple) {
        audit.put("allowMultipleSubjects", "true");
        audit.put("matchedPersons", Integer.toString(persons));
      }
    }
    return service.file(caller, command, plan, audit);
  }

  private static RequestType requestType(String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalidValue("requestType", "requestType is required: GDPR_EXPORT, GDPR_UPDATE or GDPR_DELETE.");
    }
    try {
      return RequestType.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidValue("requestType", "requestType must be GDPR_EXPORT, GDPR_UPDATE or GDPR_DELETE.");
    }
  }

  private List<ReplacementTerm> replacements(Caller caller, RequestType type, List<ReplacementTermBody> terms) {
    boolean given = terms != null && !terms.isEmpty();
    if (type != RequestType.GDPR_UPDATE) {
      if (given) {
        throw ApiException.invalidValue("replacementTerms", "replacementTerms belong to GDPR_UPDATE requests only.");
      }
      return null;
    }
    if (!given) {
      throw ApiException.invalidValue("replacementTerms", "A GDPR_UPDATE request needs at least one replacement term.");
    }
    List<ReplacementTerm> result = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      String field = "replacementTerms[" + i + "]";
      ReplacementTermBody term = terms.get(i);
      IdentifierKind kind;
      try {
        kind = term.type() == null ? null : IdentifierKind.valueOf(term.type().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        kind = null;
      }
      if (kind == null || !REPLACEABLE.contains(kind)) {
        throw ApiException.invalidValue(field + ".type", "type must be NAME, ADDRESS, PHONE or EMAIL.");
      }
      if (term.existingValue() == null || term.existingValue().isBlank()) {
        throw ApiException.invalidValue(field + ".existingValue", "existingValue is required.");
      }
      if (term.updatedValue() == null || term.updatedValue().isBlank()) {
        throw ApiException.invalidValue(field + ".updatedValue", "updatedValue is required.");
      }
      if (kind == IdentifierKind.EMAIL && !Emails.isValid(term.updatedValue())) {
        throw ApiException.invalidValue(field + ".updatedValue", "Not a valid e-mail address.");
      }
      if (kind == IdentifierKind.PHONE && PhoneNumbers.parse(term.updatedValue(), index.regionOf(caller.orgId())).isEmpty()) {
        throw ApiException.invalidValue(field + ".updatedValue", "Not a phone number.");
      }
      result.add(new ReplacementTerm(kind, term.existingValue().strip(), term.updatedValue().strip()));
    }
    return result;
  }

  /** The fingerprint of a request body, to tell a retry (same key, same body) from a misuse. */
  private String hash(RequestType type, CreateBody body, Boolean deleteConfirmed, boolean allowMultiple) {
    try {
      // allowMultipleSubjects only when given, so that fingerprints stored before it existed still match.
      record Fingerprint(
          RequestType type, GdprSubject subject, List<ReplacementTermBody> terms, String name, Boolean confirmed,
          @JsonInclude(JsonInclude.Include.NON_NULL) Boolean allowMultipleSubjects) {}
      byte[] bytes = json.writeValueAsBytes(
          new Fingerprint(type, body.subject(), body.replacementTerms(), body.name(), deleteConfirmed, allowMultiple ? Boolean.TRUE : null));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
