package io.datarights.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A table locked (ACCESS EXCLUSIVE) by a connection of the test's own until closed: whatever reads
 * it waits there. Holds background work at a known point without a test hook in the application.
 */
public final class HeldTable implements AutoCloseable {

  private final Connection connection;

  private HeldTable(Connection connection) {
    this.connection = connection;
  }

  public static HeldTable hold(String table) throws SQLException {
    Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("lock table " + table + " in access exclusive mode");
    }
    return new HeldTable(connection);
  }

  @Override
  public void close() throws SQLException {
    connection.rollback();
    connection.close();
  }
}
