package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "bulk-erase",
    mixinStandardHelpOptions = true,
    description = {
      "Erase every subject of a CSV file (Art. 17): header type,value, one subject per line, up to 100,000;",
      "type EMAIL, PHONE, TWITTER, FACEBOOK, INSTAGRAM, WHATSAPP, APPLE_MESSAGES or EXTERNAL_ID.",
      "Every line is checked before anything is filed; a bad line names its line number."
    })
class BulkEraseCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  @Option(names = "--file", required = true, description = "The CSV file of subjects")
  Path file;

  @Option(names = "--confirm", description = "Required: erasure cannot be undone")
  boolean confirm;

  @Option(names = "--wait", description = "Wait until the job has ended, printing its progress; exit 1 unless it completed verified")
  boolean await;

  @Option(names = "--timeout", defaultValue = "PT2H", description = "With --wait, give up after (ISO-8601 duration, default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    if (!confirm) {
      throw new CliException("a bulk erasure erases data for good: add --confirm");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CliException("cannot read " + file);
    }
    ServerClient client = server.connect();
    JsonNode job = client.postFile(BulkErasuresCommand.PATH + "?deleteConfirmed=true", file, "text/csv");
    String id = job.path("id").asText();
    if (!await) {
      System.out.println(server.json ? ServerClient.pretty(job) : "filed " + id + ": " + job.path("subjects").asLong() + " subject(s)");
      return 0;
    }
    if (!server.json) {
      System.out.println("filed " + id + ": " + job.path("subjects").asLong() + " subject(s)");
    }
    return BulkErasuresCommand.follow(client, id, server.json, timeout);
  }
}
