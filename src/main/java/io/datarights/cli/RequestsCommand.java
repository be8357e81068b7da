package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "requests",
    description = "GDPR requests filed in the caller's organization.",
    subcommands = {RequestsCommand.List.class, RequestsCommand.Show.class, RequestsCommand.Wait.class})
class RequestsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest requests first.")
  static class List implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Option(names = "--page-size", defaultValue = "25", description = "How many (default: ${DEFAULT-VALUE})")
    int pageSize;

    @Override
    public Integer call() {
      JsonNode listing = server.connect().get("/api/v2/gdpr/requests?pageSize=" + pageSize);
      if (server.json) {
        System.out.println(ServerClient.pretty(listing));
        return 0;
      }
      System.out.printf("%d request(s), newest first%n", listing.path("total").asLong());
      listing.path("entities").forEach(r -> System.out.println(Describe.request(r)));
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One request with its progress per service.")
  static class Show implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Parameters(description = "Request id")
    String id;

    @Override
    public Integer call() {
      JsonNode request = server.connect().get("/api/v2/gdpr/requests/" + id);
      System.out.println(server.json ? ServerClient.pretty(request) : Describe.request(request) + "\n" + Describe.services(request));
      return 0;
    }
  }

  @Command(
      name = "wait",
      mixinStandardHelpOptions = true,
      description = "Wait until a request is COMPLETED (exit 0) or in ERROR (exit 1), printing its progress.")
  static class Wait implements Callable<Integer> {
    private static final Set<String> FINISHED = Set.of("COMPLETED", "ERROR");

    @Mixin ServerOptions server;

    @Parameters(description = "Request id")
    String id;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after (ISO-8601 duration, default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
      ServerClient client = server.connect();
      long deadline = System.nanoTime() + timeout.toNanos();
      String last = "";
      while (true) {
        JsonNode request = client.get("/api/v2/gdpr/requests/" + id);
        String progress = request.path("status").asText() + " " + done(request) + "/" + request.path("services").size() + " services done";
        if (!progress.equals(last) && !server.json) {
          System.out.println(progress);
          last = progress;
        }
        if (FINISHED.contains(request.path("status").asText())) {
          System.out.println(server.json ? ServerClient.pretty(request) : Describe.request(request) + "\n" + Describe.services(request));
          return request.path("status").asText().equals("COMPLETED") ? 0 : 1;
        }
        if (System.nanoTime() > deadline) {
          throw new CliException("still " + request.path("status").asText() + " after " + timeout);
        }
        Thread.sleep(250);
      }
    }

    private static long done(JsonNode request) {
      long done = 0;
      for (JsonNode s : request.path("services")) {
        done += s.path("status").asText().equals("DONE") ? 1 : 0;
      }
      return done;
    }
  }
}
