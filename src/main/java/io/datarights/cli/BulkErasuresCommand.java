package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "bulk-erasures",
    description = "Bulk erasures filed in the caller's organization.",
    subcommands = {BulkErasuresCommand.List.class, BulkErasuresCommand.Show.class, BulkErasuresCommand.Wait.class})
class BulkErasuresCommand {

  static final String PATH = "/api/v2/gdpr/bulk-erasures";
  private static final Set<String> FINISHED = Set.of("COMPLETED", "ERROR");

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest bulk erasures first.")
  static class List implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Option(names = "--page-size", defaultValue = "25", description = "How many (default: ${DEFAULT-VALUE})")
    int pageSize;

    @Override
    public Integer call() {
      JsonNode listing = server.connect().get(PATH + "?pageSize=" + pageSize);
      if (server.json) {
        System.out.println(ServerClient.pretty(listing));
        return 0;
      }
      System.out.printf("%d bulk erasure(s), newest first%n", listing.path("total").asLong());
      listing.path("entities").forEach(job -> System.out.println(job(job)));
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "One bulk erasure with its progress and each service's counts.")
  static class Show implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Parameters(description = "Bulk erasure id")
    String id;

    @Override
    public Integer call() {
      JsonNode job = server.connect().get(PATH + "/" + id);
      System.out.println(server.json ? ServerClient.pretty(job) : job(job) + "\n" + services(job));
      return 0;
    }
  }

  @Command(
      name = "wait",
      mixinStandardHelpOptions = true,
      description = "Wait until a bulk erasure has ended, printing its progress; exit 0 if it completed verified, 1 otherwise.")
  static class Wait implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Parameters(description = "Bulk erasure id")
    String id;

    @Option(names = "--timeout", defaultValue = "PT2H", description = "Give up after (ISO-8601 duration, default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
      return follow(server.connect(), id, server.json, timeout);
    }
  }

  /** Polls the job until it has ended, printing each change of its progress for people. */
  static int follow(ServerClient client, String id, boolean json, Duration timeout) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    String last = "";
    while (true) {
      JsonNode job = client.get(PATH + "/" + id);
      String progress = progress(job, (System.nanoTime() - started) / 1e9);
      if (!json && !progress.equals(last)) {
        System.out.println(progress);
        last = progress;
      }
      String status = job.path("status").asText();
      if (FINISHED.contains(status)) {
        System.out.println(json ? ServerClient.pretty(job) : job(job) + "\n" + services(job));
        return status.equals("COMPLETED") && job.path("verifiedErased").asBoolean() ? 0 : 1;
      }
      if (System.nanoTime() > deadline) {
        throw new CliException("still " + status + " after " + timeout);
      }
      Thread.sleep(500);
    }
  }

  /** "DELETING  chunks 3/50 erased, 2 verified  6,000 subjects  1,234 subjects/s". */
  static String progress(JsonNode job, double seconds) {
    JsonNode p = job.path("progress");
    long erased = p.path("subjectsErased").asLong();
    double rate = job.hasNonNull("subjectsPerSecond") ? job.get("subjectsPerSecond").asDouble() : seconds > 0 ? erased / seconds : 0;
    return String.format(Locale.ROOT, "%-10s chunks %d/%d erased, %d verified  %,d/%,d subjects  %,.0f subjects/s",
        job.path("status").asText(), p.path("chunksErased").asInt(), p.path("chunks").asInt(), p.path("chunksVerified").asInt(),
        erased, job.path("subjects").asLong(), rate);
  }

  static String services(JsonNode job) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (JsonNode s : job.path("services")) {
      lines.add(String.format(Locale.ROOT, "  %-17s %-8s matched %d, deleted %d, anonymized %d, retained %d%s",
          s.path("name").asText(), s.path("status").asText(), s.path("matched").asLong(), s.path("deleted").asLong(),
          s.path("anonymized").asLong(), s.path("retained").asLong(), s.hasNonNull("reason") ? " (" + s.get("reason").asText() + ")" : ""));
    }
    return String.join("\n", lines);
  }

  static String job(JsonNode job) {
    StringBuilder text = new StringBuilder();
    text.append(job.path("id").asText()).append("  ").append(job.path("status").asText())
        .append("  ").append(job.path("subjects").asLong()).append(" subjects")
        .append("  filed ").append(job.path("createdDate").asText());
    if (job.has("verifiedErased")) {
      text.append("  verifiedErased=").append(job.get("verifiedErased").asBoolean())
          .append(" (still found: ").append(job.path("stillFound").asLong()).append(")");
    }
    if (job.hasNonNull("subjectsPerSecond")) {
      text.append(String.format(Locale.ROOT, "  %,.0f subjects/s", job.get("subjectsPerSecond").asDouble()));
    }
    if (job.hasNonNull("errorReason")) {
      text.append("\n  error: ").append(job.get("errorReason").asText());
    }
    return text.toString();
  }
}
