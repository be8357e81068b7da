package io.datarights.security.internal;

import io.datarights.security.Caller;
import io.datarights.security.NewClient;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/oauth/clients}: the calling org's own OAuth clients. */
@RestController
@RequestMapping("/api/v2/oauth/clients")
class OAuthClientController {

  private static final String PATH = "/api/v2/oauth/clients";

  private final ClientService service;
  private final ClientRepository clients;
  private final ApplicationEventPublisher events;

  OAuthClientController(ClientService service, ClientRepository clients, ApplicationEventPublisher events) {
    this.service = service;
    this.clients = clients;
    this.events = events;
  }

  record CreateClient(
      @NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 100) List<@NotBlank String> permissions) {}

  record ClientView(String id, String name, List<String> permissions, Instant createdDate, String selfUri) {
    static ClientView of(StoredClient c) {
      return new ClientView(c.clientId(), c.name(), c.permissions(), c.createdAt(), PATH + "/" + c.clientId());
    }
  }

  record CreatedClient(String id, String name, String secret, List<String> permissions, String selfUri) {}

  @PostMapping
  @RequiresPermission(Permissions.OAUTH_CLIENT_ADD)
  @Transactional
  ResponseEntity<CreatedClient> create(Caller caller, @Valid @RequestBody CreateClient body) {
    for (String grant : body.permissions()) {
      if (!Permissions.isKnownGrant(grant)) {
        // Quoted only in part: the message must not echo whatever a client sent.
        throw ApiException.invalidValue("permissions", "Unknown permission: " + excerpt(grant));
      }
      // A client may hand out only what it holds itself: no escalation through new clients.
      if (!caller.permissions().containsAll(Permissions.expand(List.of(grant)))) {
        throw ApiException.invalidValue("permissions", "You cannot grant a permission you do not hold: " + grant);
      }
    }
    NewClient created = service.create(caller.orgId(), body.name().strip(), body.permissions());
    events.publishEvent(
        new AuditableEvent(
            caller.orgId(), "oauth.client.created", caller.clientId(), "oauthClient", created.id(),
            Map.of("permissions", String.join(" ", created.permissions()))));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new CreatedClient(created.id(), created.name(), created.secret(), created.permissions(), PATH + "/" + created.id()));
  }

  @GetMapping
  @RequiresPermission(Permissions.OAUTH_CLIENT_VIEW)
  Listing<ClientView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<ClientView> entities = clients.list(caller.orgId(), page).stream().map(ClientView::of).toList();
    return Listing.of(entities, page, clients.count(caller.orgId()), PATH);
  }

  @GetMapping("/{clientId}")
  @RequiresPermission(Permissions.OAUTH_CLIENT_VIEW)
  ClientView get(Caller caller, @PathVariable String clientId) {
    return clients.find(caller.orgId(), clientId).map(ClientView::of).orElseThrow(() -> ApiException.notFound("OAuth client"));
  }

  @DeleteMapping("/{clientId}")
  @RequiresPermission(Permissions.OAUTH_CLIENT_DELETE)
  @Transactional
  ResponseEntity<Void> delete(Caller caller, @PathVariable String clientId) {
    if (clientId.equals(caller.clientId())) {
      throw ApiException.conflict("A client cannot delete itself; use another client of the organization.");
    }
    if (!clients.delete(caller.orgId(), clientId)) {
      throw ApiException.notFound("OAuth client");
    }
    events.publishEvent(AuditableEvent.of(caller.orgId(), "oauth.client.deleted", caller.clientId(), "oauthClient", clientId));
    return ResponseEntity.noContent().build();
  }

  private static String excerpt(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }
}
