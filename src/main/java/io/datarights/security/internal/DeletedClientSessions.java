package io.datarights.security.internal;

import io.datarights.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session whose client has been deleted since it signed in: deleting a client ends
 * its sessions at once, as it does its bearer tokens. The request goes on unauthenticated, so the
 * console sends it to the sign-in page.
 */
class DeletedClientSessions extends OncePerRequestFilter {

  private final ClientRepository clients;

  DeletedClientSessions(ClientRepository clients) {
    this.clients = clients;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthenticationConverter.CallerAuthentication session) {
      Caller caller = session.getPrincipal();
      if (!clients.exists(caller.orgId(), caller.clientId())) {
        HttpSession httpSession = request.getSession(false);
        if (httpSession != null) {
          httpSession.invalidate();
        }
        SecurityContextHolder.clearContext();
      }
    }
    chain.doFilter(request, response);
  }
}
