package io.datarights.organizations.internal;

import io.datarights.organizations.Organization;
import io.datarights.security.Caller;
import io.datarights.security.NewClient;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganizationController {

  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  private final OrganizationService service;
  private final OrganizationRepository organizations;

  OrganizationController(OrganizationService service, OrganizationRepository organizations) {
    this.service = service;
    this.organizations = organizations;
  }

  record CreateOrganization(
      @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N} ._-]+", message = "may hold letters, digits, spaces, '.', '_' and '-' only") String name,
      @Size(min = 2, max = 2) String defaultRegion) {}

  record OrganizationView(String id, String name, String defaultRegion, Instant createdDate, String selfUri) {
    static OrganizationView of(Organization o) {
      return new OrganizationView(o.id().toString(), o.name(), o.defaultRegion(), o.createdAt(), "/api/v2/organizations/me");
    }
  }

  record ClientCredentials(String id, String name, String secret, List<String> permissions) {
    static ClientCredentials of(NewClient c) {
      return new ClientCredentials(c.id(), c.name(), c.secret(), c.permissions());
    }
  }

  record CreatedOrganization(OrganizationView organization, ClientCredentials client) {}

  @PostMapping("/api/v2/admin/organizations")
  @RequiresPermission(Permissions.ADMIN_ORG_ADD)
  ResponseEntity<CreatedOrganization> create(Caller caller, @Valid @RequestBody CreateOrganization body) {
    String region = body.defaultRegion() == null ? "US" : body.defaultRegion().toUpperCase(Locale.ROOT);
    if (!REGIONS.contains(region)) {
      throw ApiException.invalidValue("defaultRegion", "defaultRegion must be an ISO 3166 country code such as DE or US.");
    }
    OrganizationService.Created created =
        service
            .create(body.name().strip(), region, caller.clientId())
            .orElseThrow(() -> ApiException.conflict("An organization with that name already exists."));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new CreatedOrganization(OrganizationView.of(created.organization()), ClientCredentials.of(created.client())));
  }

  @GetMapping("/api/v2/organizations/me")
  OrganizationView me(Caller caller) {
    return organizations.find(caller.orgId()).map(OrganizationView::of).orElseThrow(() -> ApiException.notFound("organization"));
  }
}
