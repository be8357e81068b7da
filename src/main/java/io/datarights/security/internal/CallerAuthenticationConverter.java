package io.datarights.security.internal;

import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.shared.OrgId;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into the {@link Caller}: its org, client and expanded permissions. The
 * client must still exist: deleting a client ends its tokens at once, not when they expire.
 */
@Component
class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final ClientRepository clients;

  CallerAuthenticationConverter(ClientRepository clients) {
    this.clients = clients;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String org = jwt.getClaimAsString(Tokens.ORG_CLAIM);
    List<String> grants = jwt.getClaimAsStringList(Tokens.PERMISSIONS_CLAIM);
    if (org == null || grants == null || jwt.getSubject() == null) {
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"));
    }
    OrgId orgId;
    try {
      orgId = OrgId.of(org);
    } catch (IllegalArgumentException e) {
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token"));
    }
    if (!clients.exists(orgId, jwt.getSubject())) {
      throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "The client was deleted.", null));
    }
    Caller caller =
        new Caller(orgId, jwt.getSubject(), jwt.getClaimAsString(Tokens.NAME_CLAIM), Permissions.expand(grants));
    return new CallerAuthentication(caller, jwt);
  }

  static final class CallerAuthentication extends AbstractAuthenticationToken {
    private final Caller caller;
    /** The bearer token, or null for a console session (its secret is not kept). */
    private final Jwt jwt;

    CallerAuthentication(Caller caller, Jwt jwt) {
      super(caller.permissions().stream().map(SimpleGrantedAuthority::new).toList());
      this.caller = caller;
      this.jwt = jwt;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return jwt;
    }

    @Override
    public Caller getPrincipal() {
      return caller;
    }

    /** The client id: the default would print the whole caller, permissions and all, on every call. */
    @Override
    public String getName() {
      return caller.clientId();
    }
  }
}
