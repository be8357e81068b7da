package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "subjects", mixinStandardHelpOptions = true, description = "Find every person matching one identifier, in every service.")
class SubjectsCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  @Option(names = "--type", required = true, description = "NAME, ADDRESS, PHONE, EMAIL, TWITTER, INSTAGRAM, FACEBOOK, APPLE_MESSAGES, WHATSAPP or EXTERNAL_ID")
  String type;

  @Option(names = "--value", required = true, description = "What to search for")
  String value;

  @Override
  public Integer call() {
    JsonNode listing = server.connect().get("/api/v2/gdpr/subjects?searchType=" + enc(type) + "&searchValue=" + enc(value));
    if (server.json) {
      System.out.println(ServerClient.pretty(listing));
      return 0;
    }
    System.out.printf("%d subject(s)%n", listing.path("entities").size());
    for (JsonNode s : listing.path("entities")) {
      System.out.printf("- %-22s %s  %s%n", Describe.subjectId(s), s.path("name").asText(""), Describe.identifiers(s));
    }
    return 0;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
