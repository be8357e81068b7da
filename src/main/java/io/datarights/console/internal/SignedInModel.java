package io.datarights.console.internal;

import io.datarights.console.ConsolePage;
import io.datarights.organizations.Organizations;
import io.datarights.security.Caller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for the layout's header: the org and the client acting in it. */
@ControllerAdvice(annotations = ConsolePage.class)
class SignedInModel {

  record SignedIn(String organization, String client) {}

  private final Organizations organizations;

  SignedInModel(Organizations organizations) {
    this.organizations = organizations;
  }

  @ModelAttribute("signedIn")
  SignedIn signedIn(Caller caller) {
    String org = organizations.find(caller.orgId()).map(o -> o.name()).orElse("");
    return new SignedIn(org, caller.clientName() == null ? caller.clientId() : caller.clientName());
  }
}
