package io.datarights;

import io.datarights.cli.DatarightsCli;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DatarightsApplication {

  public static void main(String[] args) {
    if (DatarightsCli.isCommand(args)) {
      System.exit(DatarightsCli.run(DatarightsApplication.class, args));
    }
    SpringApplication.run(DatarightsApplication.class, translateShortFlags(args));
  }

  /** {@code --demo} is the documented short form of {@code DATARIGHTS_DEMO=true}. */
  static String[] translateShortFlags(String[] args) {
    List<String> translated = new ArrayList<>();
    for (String arg : args) {
      translated.add(arg.equals("--demo") ? "--datarights.demo=true" : arg);
    }
    return translated.toArray(String[]::new);
  }
}
