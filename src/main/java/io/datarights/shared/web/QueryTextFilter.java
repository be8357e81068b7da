package io.datarights.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.ErrorBody;
import io.datarights.shared.ErrorResponses;
import io.datarights.shared.StorableText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query parameters holding text that cannot be stored or searched (a NUL character, half
 * of a surrogate pair; see {@link StorableText}) with a 400 naming the parameter, before any
 * controller passes them to the database, where they would fail as a 500.
 */
@Component
@Order(1)
class QueryTextFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  QueryTextFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String bad = unstorableParameter(request.getQueryString());
    if (bad != null) {
      ErrorBody body =
          ErrorResponses.body(
              HttpStatus.BAD_REQUEST, "invalid.value", StorableText.problem(bad), Map.of("field", bad),
              List.of(new ErrorBody.Detail("invalid.value", bad)));
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), body);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The name of the first parameter whose name or value cannot be stored ("query" if its name is the problem). */
  private static String unstorableParameter(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name == null || value == null) {
        continue; // malformed escapes: the container leaves such a parameter out
      }
      if (!StorableText.isStorable(name)) {
        return "query";
      }
      if (!StorableText.isStorable(value)) {
        return name.length() > 100 ? "query" : name;
      }
    }
    return null;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
