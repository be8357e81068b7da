package io.datarights.demo;

import io.datarights.organizations.Organization;
import io.datarights.organizations.Organizations;
import io.datarights.security.OAuthClients;
import io.datarights.security.Permissions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the deterministic demo organization on first start and prints how to call it. Its client
 * credentials are fixed and public: demo mode is for trying the product, never for real data.
 */
@Component
@ConditionalOnProperty(name = "datarights.demo", havingValue = "true")
class DemoLoader {

  static final String ORG = "demo";
  static final String CLIENT_ID = "demo-client";
  static final String CLIENT_SECRET = "demo-secret";

  static final long SEED = 42;

  private final Organizations organizations;
  private final OAuthClients clients;
  private final DemoData data;

  DemoLoader(Organizations organizations, OAuthClients clients, DemoData data) {
    this.organizations = organizations;
    this.clients = clients;
    this.data = data;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    Organization org = organizations.ensure(ORG, "DE");
    // The client is created with the data, once: a restart finds it and loads nothing again.
    if (clients.createIfAbsent(org.id(), CLIENT_ID, CLIENT_SECRET, "Demo privacy officer", Permissions.ORG).isPresent()) {
      data.generate(org.id(), SEED, DemoScale.DEMO, line -> System.out.println("demo data: " + line.strip()));
    }
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
    String base = "http://localhost:" + port;
    System.out.println(
        """

        === Datarights demo is running at %1$s ===
          organization 'demo', client id '%2$s', client secret '%3$s'
          Console: %1$s/console (sign in with that client id and secret; search for %4$s)
          TOKEN=$(curl -s -u %2$s:%3$s -d grant_type=client_credentials %1$s/oauth/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
          curl -s -H "Authorization: Bearer $TOKEN" %1$s/api/v2/organizations/me
          curl -s -H "Authorization: Bearer $TOKEN" '%1$s/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=%4$s'
          API documentation: %1$s/api/v2/docs
        """
            .formatted(base, CLIENT_ID, CLIENT_SECRET, data.exampleEmail(SEED)));
  }
}
