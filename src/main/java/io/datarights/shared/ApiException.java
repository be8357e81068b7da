package io.datarights.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A failure to be answered with the Genesys error body. Thrown by the web layer and mapped in one
 * place ({@code ApiErrorHandler}); the message must be safe to show to the caller.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String code;
  private final Map<String, String> params;
  private final List<ErrorBody.Detail> details;
  private final HttpHeaders headers;

  public ApiException(
      HttpStatus status,
      String code,
      String message,
      Map<String, String> params,
      List<ErrorBody.Detail> details,
      HttpHeaders headers) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.params = Map.copyOf(params);
    this.details = List.copyOf(details);
    this.headers = headers == null ? HttpHeaders.EMPTY : headers;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "bad.request", message, Map.of(), List.of(), null);
  }

  /** A 400 naming the offending field, as every 400 must. */
  public static ApiException invalidValue(String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "invalid.value",
        message,
        Map.of("field", field),
        List.of(new ErrorBody.Detail("invalid.value", field)),
        null);
  }

  public static ApiException notFound(String what) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "not.found",
        "The requested " + what + " was not found.",
        Map.of(),
        List.of(),
        null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, "request.conflict", message, Map.of(), List.of(), null);
  }

  public static ApiException missingPermission(String permission) {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "missing.permissions",
        "Unable to perform the requested action. You are missing the following permission(s): ["
            + permission
            + "]",
        Map.of("permissions", permission),
        List.of(),
        null);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> params() {
    return params;
  }

  public List<ErrorBody.Detail> details() {
    return details;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
