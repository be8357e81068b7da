package io.datarights.database;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Buffers rows as PostgreSQL COPY text and sends them in batches: the fastest way to load the
 * millions of rows of a scale data set.
 */
public final class CopyWriter implements AutoCloseable {

  private static final int FLUSH_CHARS = 4 * 1024 * 1024;

  private final CopyManager copy;
  private final String statement;
  private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
  private long rows;

  public CopyWriter(Connection connection, String table, String columns) throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.statement = "copy " + table + " (" + columns + ") from stdin";
  }

  /** One row; null values become SQL NULL. */
  public void row(Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        buffer.append('\t');
      }
      appendValue(values[i]);
    }
    buffer.append('\n');
    rows++;
    if (buffer.length() >= FLUSH_CHARS) {
      flush();
    }
  }

  private void appendValue(Object value) {
    if (value == null) {
      buffer.append("\\N");
      return;
    }
    String text = value.toString();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
  }

  public long rows() {
    return rows;
  }

  public void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    try (Reader reader = new StringReader(buffer.toString())) {
      copy.copyIn(statement, reader);
    } catch (SQLException e) {
      throw new IllegalStateException("COPY into " + statement + " failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.setLength(0);
  }

  @Override
  public void close() {
    flush();
  }
}
