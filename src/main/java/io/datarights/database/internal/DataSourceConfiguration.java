package io.datarights.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.datarights.database.DatabaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One DataSource: the configured external PostgreSQL, else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgresHolder embeddedPostgres(DatabaseProperties db, DatabaseProperties.DataDir dir) {
    return db.external()
        ? EmbeddedPostgresHolder.none()
        : EmbeddedPostgresHolder.of(EmbeddedPostgresServer.start(dir.dataDir()));
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseProperties db, EmbeddedPostgresHolder embedded) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("datarights");
    pool.setMaximumPoolSize(db.poolSize());
    if (db.external()) {
      pool.setJdbcUrl(db.url());
      pool.setUsername(db.user());
      pool.setPassword(db.password());
    } else {
      pool.setJdbcUrl(embedded.server().jdbcUrl());
      pool.setUsername("postgres");
    }
    return pool;
  }

  /** Lets the pool close before the embedded server it points at. */
  static final class EmbeddedPostgresHolder implements AutoCloseable {
    private final EmbeddedPostgresServer server;

    private EmbeddedPostgresHolder(EmbeddedPostgresServer server) {
      this.server = server;
    }

    static EmbeddedPostgresHolder none() {
      return new EmbeddedPostgresHolder(null);
    }

    static EmbeddedPostgresHolder of(EmbeddedPostgresServer server) {
      return new EmbeddedPostgresHolder(server);
    }

    EmbeddedPostgresServer server() {
      return server;
    }

    @Override
    public void close() throws Exception {
      if (server != null) {
        server.close();
      }
    }
  }
}
