package io.datarights.organizations.internal;

import io.datarights.organizations.Organization;
import io.datarights.security.OAuthClients;
import io.datarights.security.Permissions;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start against an empty database: the {@code default} org and a platform-admin
 * client. Several nodes starting at once create them exactly once.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "datarights.cli", havingValue = "false", matchIfMissing = true)
public class Bootstrap implements ApplicationRunner {

  public static final String DEFAULT_ORG = "default";
  private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

  private final OrganizationRepository organizations;
  private final OAuthClients clients;
  private final BootstrapProperties properties;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Environment environment;

  Bootstrap(
      OrganizationRepository organizations,
      OAuthClients clients,
      BootstrapProperties properties,
      TransactionTemplate tx,
      JdbcClient jdbc,
      Clock clock,
      Environment environment) {
    this.organizations = organizations;
    this.clients = clients;
    this.properties = properties;
    this.tx = tx;
    this.jdbc = jdbc;
    this.clock = clock;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureBootstrapped();
  }

  /** Creates the default org and admin client if the database holds no org yet. */
  public void ensureBootstrapped() {
    AdminClient created = tx.execute(status -> createIfEmpty());
    if (created != null) {
      announce(created);
    }
  }

  /** The admin client created; {@code generatedSecret} is null when the secret was configured. */
  private record AdminClient(String clientId, String generatedSecret) {}

  private AdminClient createIfEmpty() {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.bootstrap'))").query().singleRow();
    if (!organizations.isEmpty()) {
      return null;
    }
    Organization org = new Organization(OrgId.random(), DEFAULT_ORG, properties.defaultRegion(), clock.instant());
    organizations.insertIfNameFree(org);
    String id = blankToNull(properties.clientId()) == null ? UUID.randomUUID().toString() : properties.clientId();
    String givenSecret = blankToNull(properties.clientSecret());
    return clients
        .createIfAbsent(org.id(), id, givenSecret, "Platform administrator", Permissions.platformAdmin())
        .map(client -> new AdminClient(client.id(), givenSecret == null ? client.secret() : null))
        .orElse(null);
  }

  private void announce(AdminClient admin) {
    String clientId = admin.clientId();
    String generatedSecret = admin.generatedSecret();
    log.info("Bootstrapped organization '{}' with platform-admin client {}", DEFAULT_ORG, clientId);
    String port = environment.getProperty("server.port", "8080");
    StringBuilder text = new StringBuilder();
    text.append("\n=== Datarights first start: organization '").append(DEFAULT_ORG).append("' and a platform-admin client ===\n");
    text.append("  client id:     ").append(clientId).append('\n');
    if (generatedSecret != null) {
      text.append("  client secret: ").append(generatedSecret).append("   (shown only this once: store it now)\n");
    } else {
      text.append("  client secret: the value of DATARIGHTS_BOOTSTRAP_CLIENT_SECRET\n");
    }
    text.append("  get a token:   curl -s -u '").append(clientId).append(":<secret>' -d grant_type=client_credentials http://localhost:")
        .append(port).append("/oauth/token\n");
    System.out.println(text);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
