package io.datarights.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Builds Genesys error bodies, including for filters that answer before any controller runs. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static ErrorBody body(
      HttpStatus status,
      String code,
      String message,
      Map<String, String> params,
      List<ErrorBody.Detail> details) {
    return new ErrorBody(
        status.value(),
        code,
        message,
        withParams(message, params),
        params,
        RequestContext.currentId(),
        details,
        List.of());
  }

  public static ErrorBody body(ApiException e) {
    return body(e.status(), e.code(), e.getMessage(), e.params(), e.details());
  }

  /** Writes an error straight to the servlet response (for filters and security handlers). */
  public static void write(
      HttpServletResponse response, ObjectMapper json, HttpStatus status, String code, String message)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body(status, code, message, Map.of(), List.of()));
  }

  private static String withParams(String message, Map<String, String> params) {
    String result = message;
    for (var param : params.entrySet()) {
      // Whole words only, so that a field "name" does not rewrite "username".
      String word = "(?<![\\w:.])" + Pattern.quote(param.getValue()) + "(?![\\w:])";
      result = result.replaceAll(word, Matcher.quoteReplacement("{" + param.getKey() + "}"));
    }
    return result;
  }
}
