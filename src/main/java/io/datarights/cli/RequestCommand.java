package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    description = "File a GDPR request for one subject: export (Art. 15), update (Art. 16) or delete (Art. 17).")
class RequestCommand implements Callable<Integer> {

  @Mixin ServerOptions server;

  @Parameters(index = "0", description = "export, update or delete")
  String type;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  static class Subject {
    @Option(names = "--email") String email;
    @Option(names = "--phone") String phone;
    @Option(names = "--name") String name;
    @Option(names = "--address") String address;
    @Option(names = "--external-contact-id") String externalContactId;
    @Option(names = "--user-id") String userId;
  }

  @Option(names = "--replace", description = "For update: TYPE:EXISTING=UPDATED, e.g. EMAIL:old@example.com=new@example.com (repeatable)")
  List<String> replacements = new ArrayList<>();

  @Option(names = "--confirm", description = "Required for delete: erasure cannot be undone")
  boolean confirm;

  @Option(
      names = "--allow-multiple-subjects",
      description = "With --name or --address: file the request even though it reaches several people (refused otherwise)")
  boolean allowMultipleSubjects;

  @Override
  public Integer call() {
    String requestType =
        switch (type) {
          case "export" -> "GDPR_EXPORT";
          case "update" -> "GDPR_UPDATE";
          case "delete" -> "GDPR_DELETE";
          default -> throw new CliException("the request type must be export, update or delete");
        };
    if (requestType.equals("GDPR_DELETE") && !confirm) {
      throw new CliException("delete erases data for good: add --confirm");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestType", requestType);
    body.put("subject", subject());
    if (!replacements.isEmpty()) {
      body.put("replacementTerms", replacements.stream().map(RequestCommand::replacement).toList());
    }
    List<String> query = new ArrayList<>();
    if (confirm) {
      query.add("deleteConfirmed=true");
    }
    if (allowMultipleSubjects) {
      query.add("allowMultipleSubjects=true");
    }
    String path = "/api/v2/gdpr/requests" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    JsonNode created;
    try {
      created = server.connect().post(path, body);
    } catch (CliException e) {
      if (e.getMessage() != null && e.getMessage().contains("allowMultipleSubjects=true")) {
        // The server's advice, in this command's words.
        throw new CliException(e.getMessage()
            + " From here: `subjects --type " + (subject.name != null ? "NAME" : "ADDRESS") + " --value ...` shows them; file one request"
            + " per person by --email, --phone or --external-contact-id, or add --allow-multiple-subjects.");
      }
      throw e;
    }
    if (server.json) {
      System.out.println(ServerClient.pretty(created));
    } else {
      System.out.println("filed " + Describe.request(created));
      created.path("relatedRequests").forEach(r -> System.out.println("related request " + r.path("id").asText()));
    }
    return 0;
  }

  private Map<String, Object> subject() {
    if (subject.email != null) return Map.of("emailAddresses", List.of(subject.email));
    if (subject.phone != null) return Map.of("phoneNumbers", List.of(subject.phone));
    if (subject.name != null) return Map.of("name", subject.name);
    if (subject.address != null) return Map.of("addresses", List.of(subject.address));
    if (subject.externalContactId != null) return Map.of("externalContactId", subject.externalContactId);
    return Map.of("userId", subject.userId);
  }

  private static Map<String, String> replacement(String spec) {
    int colon = spec.indexOf(':');
    int equals = spec.indexOf('=', colon + 1);
    if (colon < 1 || equals < colon + 2 || equals == spec.length() - 1) {
      throw new CliException("--replace takes TYPE:EXISTING=UPDATED, got: " + spec);
    }
    return Map.of("type", spec.substring(0, colon), "existingValue", spec.substring(colon + 1, equals), "updatedValue", spec.substring(equals + 1));
  }
}
