package io.datarights.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body declared as {@code * / *} or {@code application/*} names no format to read it in;
 * Spring MVC would fail on it with a 500, so it is a 415 here (after authentication).
 */
@Component
@Order(0)
class WildcardContentTypeFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  WildcardContentTypeFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (wildcard(request.getContentType())) {
      ErrorResponses.write(
          response, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported.media.type",
          "The Content-Type of a request body must name one media type, e.g. application/json; wildcards name none.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean wildcard(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isWildcardType() || type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
