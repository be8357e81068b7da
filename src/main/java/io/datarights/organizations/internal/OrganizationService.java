package io.datarights.organizations.internal;

import io.datarights.organizations.Organization;
import io.datarights.security.NewClient;
import io.datarights.security.OAuthClients;
import io.datarights.security.Permissions;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class OrganizationService {

  private final OrganizationRepository organizations;
  private final OAuthClients clients;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrganizationService(
      OrganizationRepository organizations, OAuthClients clients, ApplicationEventPublisher events, Clock clock) {
    this.organizations = organizations;
    this.clients = clients;
    this.events = events;
    this.clock = clock;
  }

  record Created(Organization organization, NewClient client) {}

  /** Creates an org with a first client holding all of the org's permissions; empty if the name is taken. */
  @Transactional
  Optional<Created> create(String name, String defaultRegion, String createdBy) {
    Organization org = new Organization(OrgId.random(), name, defaultRegion, clock.instant());
    if (!organizations.insertIfNameFree(org)) {
      return Optional.empty();
    }
    NewClient client = clients.create(org.id(), name + " administrator", Permissions.ORG);
    events.publishEvent(AuditableEvent.of(org.id(), "organization.created", createdBy, "organization", org.id().toString()));
    events.publishEvent(AuditableEvent.of(org.id(), "oauth.client.created", createdBy, "oauthClient", client.id()));
    return Optional.of(new Created(org, client));
  }
}
