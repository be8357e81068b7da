package io.datarights.security.internal;

import io.datarights.security.Caller;
import io.datarights.security.ClientAuthenticationLimits;
import io.datarights.security.Permissions;
import io.datarights.shared.AuditableEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs a privacy officer into the console with an org client's id and secret: the session then
 * acts as that client, in its org, with its permissions, exactly as its bearer tokens would. Not
 * a bean: as a bean Spring Security would also install it as the global fallback provider and
 * check every refused secret twice. Guessing is throttled on the same buckets as the token
 * endpoint's, so that the two together allow no more guesses than one.
 */
class ConsoleSignIn implements AuthenticationProvider {

  private final ClientService clients;
  private final ClientAuthenticationLimits limits;
  private final ApplicationEventPublisher events;

  ConsoleSignIn(ClientService clients, ClientAuthenticationLimits limits, ApplicationEventPublisher events) {
    this.clients = clients;
    this.limits = limits;
    this.events = events;
  }

  /** Too many failed sign-ins for the client id or from the address: the sign-in page says so. */
  static final class Throttled extends AuthenticationException {
    Throttled() {
      super("Too many failed sign-ins; wait, then try again.");
    }
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String clientId = attempt.getName();
    String secret = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    if (limits.admit(clientId, address).isPresent()) {
      if (limits.firstRefusalInPeriod(clientId)) {
        clients.orgOf(clientId).ifPresent(
            org -> events.publishEvent(AuditableEvent.of(org, "console.signin.throttled", clientId, "oauthClient", clientId)));
      }
      throw new Throttled();
    }
    StoredClient client = clients.authenticate(clientId, secret).orElse(null);
    if (client == null) {
      clients.orgOf(clientId).ifPresent(
          org -> events.publishEvent(AuditableEvent.of(org, "console.signin.refused", clientId, "oauthClient", clientId)));
      throw new BadCredentialsException("Unknown client id or wrong secret.");
    }
    limits.succeeded(clientId, address);
    events.publishEvent(AuditableEvent.of(client.orgId(), "console.signin", clientId, "oauthClient", clientId));
    Caller caller = new Caller(client.orgId(), client.clientId(), client.name(), Permissions.expand(client.permissions()));
    return new CallerAuthenticationConverter.CallerAuthentication(caller, null);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
