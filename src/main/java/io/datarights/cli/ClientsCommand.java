package io.datarights.cli;

import io.datarights.organizations.Organization;
import io.datarights.organizations.Organizations;
import io.datarights.security.NewClient;
import io.datarights.security.OAuthClients;
import io.datarights.security.Permissions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "clients", description = "OAuth clients.", subcommands = ClientsCommand.Create.class)
class ClientsCommand {

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a client with all of an existing organization's permissions, on the configured database "
          + "(e.g. for an org filled by demo-data, or when every admin secret is lost). Prints its id and secret once.")
  static class Create implements Callable<Integer> {

    @Option(names = "--org", required = true, description = "Organization name")
    String org;

    @Option(names = "--name", description = "Client name (default: ${DEFAULT-VALUE})", defaultValue = "Administrator (command line)")
    String name;

    @Option(names = "--spring-arg", description = "Extra Spring argument", hidden = true)
    List<String> springArgs = List.of();

    @Override
    public Integer call() {
      try (var context = LocalApplication.start(springArgs.toArray(String[]::new))) {
        Organization organization = context.getBean(Organizations.class).findByName(org).orElse(null);
        if (organization == null) {
          System.err.println("datarights: no organization named '" + org + "'");
          return 2;
        }
        NewClient client = context.getBean(OAuthClients.class).create(organization.id(), name, Permissions.ORG);
        System.out.printf("client id:     %s%nclient secret: %s   (shown only this once)%n", client.id(), client.secret());
        return 0;
      }
    }
  }
}
