package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "orgs", description = "Organizations (platform admin).", subcommands = OrgsCommand.Create.class)
class OrgsCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an organization and its first client on a running server.")
  static class Create implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--region", defaultValue = "US", description = "Default phone region (default: ${DEFAULT-VALUE})")
    String region;

    @Override
    public Integer call() {
      JsonNode created = server.connect().post("/api/v2/admin/organizations", Map.of("name", name, "defaultRegion", region));
      if (server.json) {
        System.out.println(ServerClient.pretty(created));
      } else {
        System.out.printf("organization %s (%s)%nclient id:     %s%nclient secret: %s   (shown only this once)%n",
            created.path("organization").path("name").asText(), created.path("organization").path("id").asText(),
            created.path("client").path("id").asText(), created.path("client").path("secret").asText());
      }
      return 0;
    }
  }
}
