package io.datarights.cli;

import io.datarights.demo.DemoData;
import io.datarights.demo.DemoScale;
import io.datarights.organizations.Organization;
import io.datarights.organizations.Organizations;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description = "Fill an organization with deterministic, clearly fake people across every service (on the configured database).")
class DemoDataCommand implements Callable<Integer> {

  @Option(names = "--org", description = "Organization name; created if missing (default: ${DEFAULT-VALUE})", defaultValue = "scale")
  String org;

  @Option(names = "--region", description = "Default phone region of a new organization (default: ${DEFAULT-VALUE})", defaultValue = "DE")
  String region;

  @Option(names = "--seed", description = "Same seed, same data (default: ${DEFAULT-VALUE})", defaultValue = "42")
  long seed;

  @Option(names = "--contacts", description = "People, one external contact each (default: ${DEFAULT-VALUE})", defaultValue = "300")
  long contacts;

  @Option(names = "--conversations", description = "Interactions (default: ${DEFAULT-VALUE})", defaultValue = "600")
  long conversations;

  @Option(names = "--users", description = "Agents in the directory (default: ${DEFAULT-VALUE})", defaultValue = "20")
  long users;

  @Option(names = "--dialer-contacts", description = "Rows of an outbound contact list (default: ${DEFAULT-VALUE})", defaultValue = "200")
  long dialerContacts;

  @Option(names = "--journey-customers", description = "Web visitors with consent (default: ${DEFAULT-VALUE})", defaultValue = "50")
  long journeyCustomers;

  @Option(names = "--spring-arg", description = "Extra Spring argument, e.g. --spring-arg=--datarights.db.url=...", hidden = true)
  List<String> springArgs = List.of();

  @Override
  public Integer call() {
    try (var context = LocalApplication.start(springArgs.toArray(String[]::new))) {
      Organization organization = context.getBean(Organizations.class).ensure(org, region);
      DemoScale scale = new DemoScale(contacts, conversations, users, dialerContacts, journeyCustomers);
      long started = System.nanoTime();
      System.out.printf("Generating into org '%s' (%s), seed %d: %s%n", org, organization.id(), seed, scale);
      context.getBean(DemoData.class).generate(organization.id(), seed, scale, System.out::println);
      System.out.printf("Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
