package io.datarights.shared.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.datarights.shared.ApiException;
import io.datarights.shared.StorableText;
import io.datarights.shared.ErrorBody;
import io.datarights.shared.ErrorResponses;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become Genesys error bodies. Messages are written here, never
 * copied from exceptions of libraries, so that no stack trace, SQL or internal name leaks.
 */
@RestControllerAdvice
class ApiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorBody> api(ApiException e) {
    return ResponseEntity.status(e.status()).headers(e.headers()).contentType(MediaType.APPLICATION_JSON).body(ErrorResponses.body(e));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
    List<ErrorBody.Detail> details =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new ErrorBody.Detail("invalid.value", f.getField()))
            .distinct()
            .toList();
    String message =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + " " + f.getDefaultMessage())
            .distinct()
            .collect(Collectors.joining("; "));
    String fields = details.stream().map(ErrorBody.Detail::fieldName).collect(Collectors.joining(","));
    return respond(HttpStatus.BAD_REQUEST, "invalid.value", "Invalid value: " + message, Map.of("field", fields), details);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    BodyTooLargeException tooLarge = BodyTooLargeException.findIn(e);
    if (tooLarge != null) {
      return respond(HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.CODE, tooLarge.getMessage(), Map.of(), List.of());
    }
    Throwable cause = e.getCause();
    JsonMappingException mapping = cause instanceof JsonMappingException m ? m : null;
    String at = mapping == null || mapping.getPath().isEmpty() ? null : fieldPath(mapping);
    StreamReadException syntax = syntaxErrorIn(cause);
    if (org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) instanceof StreamConstraintsException) {
      return badBody("The request body is nested too deeply, or holds a number or text too long to read.");
    }
    if (syntax != null) {
      String reason = syntax.getOriginalMessage() == null ? "" : syntax.getOriginalMessage().split("\\n")[0];
      Matcher duplicate = DUPLICATE_FIELD.matcher(reason);
      if (duplicate.matches()) {
        String field = at == null ? duplicate.group(1) : at + "." + duplicate.group(1);
        return invalidField(field, "The field " + field + " is given twice.");
      }
      if (syntax.getLocation() != null) {
        return badBody(
            "The request body is not valid JSON (line "
                + syntax.getLocation().getLineNr()
                + ", column "
                + syntax.getLocation().getColumnNr()
                + safeReason(reason)
                + ").");
      }
      return badBody("The request body is not valid JSON.");
    }
    if (at != null) {
      String message =
          mapping instanceof StorableTextModule.UnstorableTextException
              ? StorableText.problem(at)
              : mapping instanceof StorableTextModule.UnstorableTimeException
                  ? "The value of " + at + " must be a time between the years " + StorableTime.FIRST_YEAR + " and " + StorableTime.LAST_YEAR + "."
                  : "The value of " + at + " has the wrong type or format.";
      return invalidField(at, message);
    }
    if (cause instanceof MismatchedInputException mismatch) {
      if (mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().startsWith("No content to map")) {
        return badBody("The request body is empty.");
      }
      // The body as a whole is of the wrong kind: Jackson's words would name our classes.
      return badBody("The request body must be " + expected(mismatch.getTargetType()) + ".");
    }
    return badBody("The request body is missing or unreadable.");
  }

  /** The parser's complaint about the bytes themselves, however deep the binding had got. */
  private static StreamReadException syntaxErrorIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read && !(t instanceof JsonMappingException)) {
        return read;
      }
    }
    return null;
  }

  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

  private static ResponseEntity<ErrorBody> invalidField(String field, String message) {
    return respond(
        HttpStatus.BAD_REQUEST, "invalid.value", message, Map.of("field", field), List.of(new ErrorBody.Detail("invalid.value", field)));
  }

  private static ResponseEntity<ErrorBody> badBody(String message) {
    return respond(HttpStatus.BAD_REQUEST, "bad.request", message, Map.of(), List.of(new ErrorBody.Detail("bad.request", "body")));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "JSON of another shape";
    }
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    if (CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type) || type.isPrimitive() || type == Boolean.class) {
      return "a JSON value";
    }
    return "a JSON object";
  }

  /**
   * The parser's own words about a syntax error, where they only describe the input ("Unexpected
   * character ('x' (code 120))"); dropped where they would name the parser's internals.
   */
  private static String safeReason(String reason) {
    String cut = reason.replaceAll("\\s*\\(?(for [A-Za-z]+ )?(start marker )?at \\[Source:.*$", "").replaceAll("\\s*\\[Source:.*$", "");
    if (cut.isBlank() || cut.contains("`") || cut.contains("Feature") || cut.contains("Constraints") || cut.length() > 300) {
      return "";
    }
    return ": " + cut;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
    String field = e.getParameterName();
    return respond(
        HttpStatus.BAD_REQUEST,
        "invalid.value",
        "The query parameter " + field + " is required.",
        Map.of("field", field),
        List.of(new ErrorBody.Detail("invalid.value", field)));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ErrorBody> missingPart(MissingServletRequestPartException e) {
    String field = e.getRequestPartName();
    return respond(
        HttpStatus.BAD_REQUEST,
        "invalid.value",
        "The multipart field " + field + " is required.",
        Map.of("field", field),
        List.of(new ErrorBody.Detail("invalid.value", field)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
    String field = e.getName();
    return respond(
        HttpStatus.BAD_REQUEST,
        "invalid.value",
        "The value of " + field + " has the wrong type or format.",
        Map.of("field", field),
        List.of(new ErrorBody.Detail("invalid.value", field)));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    String supported =
        e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
    return respond(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported.media.type",
        "The content type is not supported here" + (supported.isEmpty() ? "." : "; use " + supported + "."),
        Map.of(),
        List.of(new ErrorBody.Detail("unsupported.media.type", "Content-Type")));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return respond(HttpStatus.NOT_ACCEPTABLE, "not.acceptable", "The requested response type cannot be produced.", Map.of(), List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return respond(
        HttpStatus.METHOD_NOT_ALLOWED,
        "method.not.allowed",
        "The method " + e.getMethod() + " is not allowed on this resource.",
        Map.of(),
        List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
    return respond(HttpStatus.NOT_FOUND, "not.found", "The requested resource was not found.", Map.of(), List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorBody> uploadTooLarge(MaxUploadSizeExceededException e) {
    return respond(HttpStatus.PAYLOAD_TOO_LARGE, BodyTooLargeException.CODE, "The uploaded file is larger than the limit.", Map.of(), List.of(new ErrorBody.Detail(BodyTooLargeException.CODE, "file")));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ErrorBody> badMultipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return uploadTooLarge(tooLarge);
    }
    return respond(
        HttpStatus.BAD_REQUEST,
        "bad.request",
        "The multipart request body is malformed.",
        Map.of(),
        List.of(new ErrorBody.Detail("bad.request", "body")));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ErrorBody> denied(AccessDeniedException e) {
    return respond(HttpStatus.FORBIDDEN, "missing.permissions", "Unable to perform the requested action.", Map.of(), List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal.server.error",
        "The server could not complete the request. Quote the contextId when reporting it.",
        Map.of(),
        List.of());
  }

  private static ResponseEntity<ErrorBody> respond(
      HttpStatus status, String code, String message, Map<String, String> params, List<ErrorBody.Detail> details) {
    // JSON whatever the Accept header asks for: an error must never be lost to content negotiation.
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ErrorResponses.body(status, code, message, params, details));
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
