package io.datarights.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code DATARIGHTS_DB_URL}, {@code _USER}, {@code _PASSWORD}, {@code _POOL_SIZE} and {@code
 * DATARIGHTS_DATA_DIR} (relaxed binding maps the environment variables onto these).
 */
@ConfigurationProperties("datarights.db")
public record DatabaseProperties(
    String url, String user, String password, @DefaultValue("10") int poolSize) {

  public boolean external() {
    return url != null && !url.isBlank();
  }

  /** The data directory, shared by the embedded database and the file blob store. */
  @ConfigurationProperties("datarights")
  public record DataDir(@DefaultValue("./data") Path dataDir) {}
}
