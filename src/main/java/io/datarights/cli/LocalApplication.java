package io.datarights.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without web server, scheduler or first-start bootstrap, for commands that work
 * on the configured database (DATARIGHTS_DB_URL, or the embedded one in DATARIGHTS_DATA_DIR).
 */
final class LocalApplication {

  private LocalApplication() {}

  static ConfigurableApplicationContext start(String... extraArgs) {
    String[] args = new String[extraArgs.length + 4];
    args[0] = "--datarights.cli=true";
    args[1] = "--db-scheduler.enabled=false";
    args[2] = "--spring.main.log-startup-info=false";
    args[3] = "--logging.level.root=warn";
    System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
    return new SpringApplicationBuilder(DatarightsCli.application).web(WebApplicationType.NONE).run(args);
  }
}
