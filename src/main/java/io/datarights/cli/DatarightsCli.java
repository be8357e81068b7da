package io.datarights.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command; every subcommand prints for people by default and exits non-zero on failure. */
@Command(
    name = "datarights",
    mixinStandardHelpOptions = true,
    description = "Datarights command line. Without a command, the jar starts the server.",
    subcommands = {
      SubjectsCommand.class, RequestCommand.class, RequestsCommand.class, ResultsCommand.class, OrgsCommand.class,
      AuditCommand.class, DemoDataCommand.class, ClientsCommand.class, BulkEraseCommand.class,
      BulkErasuresCommand.class
    })
public class DatarightsCli {

  /** Whether the arguments name a command rather than server options. */
  public static boolean isCommand(String[] args) {
    return args.length > 0 && !args[0].startsWith("-");
  }

  /** The application class that local commands start (passed in, so that no cycle forms). */
  static Class<?> application;

  public static int run(Class<?> applicationClass, String[] args) {
    application = applicationClass;
    return new CommandLine(new DatarightsCli())
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              // People read this: the cause, not a stack trace.
              Throwable root = e;
              while (root.getCause() != null) {
                root = root.getCause();
              }
              commandLine.getErr().println("datarights: " + root.getMessage());
              if (e instanceof CliException) {
                return 1;
              }
              return 2;
            })
        .execute(args);
  }
}
