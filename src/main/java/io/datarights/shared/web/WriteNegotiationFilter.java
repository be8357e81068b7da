package io.datarights.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A write to the API whose Accept header excludes JSON is refused with 406 before it is carried
 * out. Content negotiation otherwise happens after the handler: the write would be done and then
 * answered 406, and a client retrying it would write again.
 */
@Component
@Order(2)
class WriteNegotiationFilter extends OncePerRequestFilter {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

  private final ObjectMapper json;

  WriteNegotiationFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isApiWrite(request) && !acceptsJson(Collections.list(request.getHeaders("Accept")))) {
      ErrorResponses.write(
          response, json, HttpStatus.NOT_ACCEPTABLE, "not.acceptable",
          "This operation answers application/json, which the Accept header excludes; nothing was done.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isApiWrite(HttpServletRequest request) {
    String path = request.getRequestURI();
    return WRITES.contains(request.getMethod()) && (path.startsWith("/api/") || path.startsWith("/oauth/"));
  }

  private static boolean acceptsJson(List<String> accept) {
    if (accept.isEmpty()) {
      return true;
    }
    try {
      for (String header : accept) {
        for (MediaType type : MediaType.parseMediaTypes(header)) {
          if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0) {
            return true;
          }
        }
      }
      return accept.stream().allMatch(String::isBlank);
    } catch (IllegalArgumentException e) { // InvalidMediaTypeException among them
      return false;
    }
  }
}
