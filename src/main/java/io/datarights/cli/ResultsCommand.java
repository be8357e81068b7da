package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "results", description = "Export packages.", subcommands = ResultsCommand.Download.class)
class ResultsCommand {

  @Command(name = "download", mixinStandardHelpOptions = true, description = "Download a completed export's ZIP through its signed link.")
  static class Download implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Parameters(description = "Request id of a completed GDPR_EXPORT")
    String id;

    @Option(names = "--out", description = "File to write (default: gdpr-export-<id>.zip)")
    Path out;

    @Override
    public Integer call() {
      ServerClient client = server.connect();
      JsonNode request = client.get("/api/v2/gdpr/requests/" + id);
      if (!request.hasNonNull("resultsUrl")) {
        throw new CliException("request " + id + " has no package (" + request.path("requestType").asText() + ", " + request.path("status").asText() + ")");
      }
      Path target = out != null ? out : Path.of("gdpr-export-" + id + ".zip");
      long bytes = client.download(client.absolute(request.get("resultsUrl").asText()), target);
      System.out.printf("wrote %s (%,d bytes)%n", target, bytes);
      return 0;
    }
  }
}
