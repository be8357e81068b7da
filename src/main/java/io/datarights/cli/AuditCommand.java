package io.datarights.cli;

import io.datarights.audit.AuditTrail;
import io.datarights.audit.ChainVerification;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "The audit trail.", subcommands = AuditCommand.Verify.class)
class AuditCommand {

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Recompute every org's hash chain; exit 1 and name the first broken entry if any row was edited, deleted or reordered.")
  static class Verify implements Callable<Integer> {

    @Option(names = "--spring-arg", description = "Extra Spring argument, e.g. --spring-arg=--datarights.db.url=...", hidden = true)
    List<String> springArgs = List.of();

    @Override
    public Integer call() {
      try (var context = LocalApplication.start(springArgs.toArray(String[]::new))) {
        List<ChainVerification> results = context.getBean(AuditTrail.class).verifyAll();
        boolean intact = true;
        for (ChainVerification r : results) {
          if (r.intact()) {
            System.out.printf("org %s: intact, %d entries%n", r.orgId(), r.entriesChecked());
          } else {
            intact = false;
            System.out.printf("org %s: BROKEN at entry %d: %s%n", r.orgId(), r.firstBrokenSeq(), r.problem());
          }
        }
        System.out.println(intact ? "Audit trail intact (" + results.size() + " orgs)." : "Audit trail BROKEN.");
        return intact ? 0 : 1;
      }
    }
  }
}
