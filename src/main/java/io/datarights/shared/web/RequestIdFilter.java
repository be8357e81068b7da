package io.datarights.shared.web;

import io.datarights.shared.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an id, puts it in the log context and echoes it as a response header. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  /** The id, kept on the request for its error dispatch, which runs after the MDC was cleared. */
  private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = request.getAttribute(ATTRIBUTE) instanceof String given ? given : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    MDC.put(RequestContext.MDC_KEY, id);
    response.setHeader(RequestContext.HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(RequestContext.MDC_KEY);
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    // The error dispatch (for an error sent by a filter, e.g. the firewall) takes the original request's id.
    return false;
  }
}
