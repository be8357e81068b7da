package io.datarights.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subject search by e-mail: {@code GET /api/v2/gdpr/subjects} over HTTP (every service searched,
 * records loaded, JSON written) against one indexed SQL query over JDBC that finds the index rows
 * and loads the external contacts they point at.
 */
final class SearchBenchmark {

  static final String RAW_LOOKUP =
      """
      select i.service, i.record_id, c.*
      from identifier_index i
      left join external_contacts c
        on c.org_id = i.org_id and c.contact_id = case when i.service = 'externalContacts' then i.record_id::uuid end
      where i.org_id = ? and i.kind = 'EMAIL' and i.normalized_value = ?
      """;
  private static final int CLIENTS = 8;
  private static final int WARM_UP = 300;

  private SearchBenchmark() {}

  interface Lookup {
    void run(String email) throws Exception;
  }

  static void measure(Api api, Connection jdbc, UUID org, List<String> emails, Report report) throws Exception {
    Lookup http = email -> {
      Api.Response found = api.get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=" + email);
      if (found.status() != 200 || found.json().get("entities").isEmpty()) {
        throw new AssertionError("search for " + email + " answered " + found);
      }
    };
    Lookup sql = rawLookup(jdbc, org);
    // The floor of any authenticated call: HTTP, token verification and one primary-key query.
    Lookup floor = email -> {
      Api.Response me = api.get("/api/v2/organizations/me");
      if (me.status() != 200) {
        throw new AssertionError("organizations/me answered " + me);
      }
    };
    warmUp(emails, http);
    warmUp(emails, sql);
    warmUp(emails, floor);
    long[] httpLatencies = sequential(emails, http);
    long[] sqlLatencies = sequential(emails, sql);
    long[] floorLatencies = sequential(emails, floor);
    String url = jdbc.getMetaData().getURL();
    double httpThroughput = concurrent(emails, () -> http);
    double sqlThroughput = concurrent(emails, () -> rawLookup(DriverManager.getConnection(url, "postgres", ""), org));
    report.search(emails.size(), httpLatencies, httpThroughput, sqlLatencies, sqlThroughput, floorLatencies, CLIENTS);
  }

  private static Lookup rawLookup(Connection jdbc, UUID org) throws SQLException {
    PreparedStatement statement = jdbc.prepareStatement(RAW_LOOKUP);
    return email -> {
      statement.setObject(1, org);
      statement.setString(2, email);
      int rows = 0;
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
      assertThat(rows).as(email).isPositive();
    };
  }

  private static void warmUp(List<String> emails, Lookup lookup) throws Exception {
    for (int i = 0; i < Math.min(WARM_UP, emails.size()); i++) {
      lookup.run(emails.get(i));
    }
  }

  private static long[] sequential(List<String> emails, Lookup lookup) throws Exception {
    long[] nanos = new long[emails.size()];
    for (int i = 0; i < emails.size(); i++) {
      long start = System.nanoTime();
      lookup.run(emails.get(i));
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  interface LookupFactory {
    Lookup create() throws Exception;
  }

  /** Lookups per second with {@value #CLIENTS} clients working through the emails together. */
  private static double concurrent(List<String> emails, LookupFactory lookups) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    try {
      List<Future<Void>> clients = new java.util.ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(pool.submit(() -> {
          Lookup lookup = lookups.create();
          for (int i = next.getAndIncrement(); i < emails.size(); i = next.getAndIncrement()) {
            lookup.run(emails.get(i));
          }
          return null;
        }));
      }
      for (Future<Void> client : clients) {
        client.get();
      }
    } finally {
      pool.shutdown();
    }
    return emails.size() / ((System.nanoTime() - start) / 1e9);
  }
}
