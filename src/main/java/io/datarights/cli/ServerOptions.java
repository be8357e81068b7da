package io.datarights.cli;

import picocli.CommandLine.Option;

/** How a command reaches a running server: its URL, a client's credentials, and the output form. */
class ServerOptions {

  @Option(names = "--url", description = "Server URL (default: $DATARIGHTS_URL or ${DEFAULT-VALUE})", defaultValue = "${env:DATARIGHTS_URL:-http://localhost:8080}")
  String url;

  @Option(names = "--client-id", description = "OAuth client id (default: $DATARIGHTS_CLIENT_ID)", defaultValue = "${env:DATARIGHTS_CLIENT_ID}")
  String clientId;

  @Option(names = "--client-secret", description = "OAuth client secret (default: $DATARIGHTS_CLIENT_SECRET)", defaultValue = "${env:DATARIGHTS_CLIENT_SECRET}")
  String clientSecret;

  @Option(names = "--json", description = "Print the server's JSON instead of text for people")
  boolean json;

  ServerClient connect() {
    if (clientId == null || clientSecret == null) {
      throw new CliException("set --client-id and --client-secret (or DATARIGHTS_CLIENT_ID and DATARIGHTS_CLIENT_SECRET)");
    }
    return ServerClient.connect(url, clientId, clientSecret);
  }
}
