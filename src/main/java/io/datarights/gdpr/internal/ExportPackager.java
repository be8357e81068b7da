package io.datarights.gdpr.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datarights.organizations.Organization;
import io.datarights.organizations.Organizations;
import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ServiceOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the export package of a request: each service's part during its step, then one ZIP with
 * {@code manifest.json} (with the Art. 15(1) information), {@code report.html}, one JSON and one
 * CSV file per service, and the original files.
 */
@Component
class ExportPackager {

  private final PackageStore store;
  private final PackagedRecords packaged;
  private final PersonalDataServices services;
  private final Organizations organizations;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ObjectMapper indented;
  private final Clock clock;
  private final Path scratch;

  ExportPackager(
      PackageStore store,
      PackagedRecords packaged,
      PersonalDataServices services,
      Organizations organizations,
      JdbcClient jdbc,
      ObjectMapper json,
      Clock clock) throws IOException {
    this.store = store;
    this.packaged = packaged;
    this.services = services;
    this.organizations = organizations;
    this.jdbc = jdbc;
    this.json = json;
    this.indented = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.clock = clock;
    this.scratch = Files.createTempDirectory("datarights-export");
  }

  /** Runs one service's export into a part, stored until the package is assembled. */
  ServiceOutcome exportService(StoredRequest request, PersonalDataService service) {
    try (ExportPart part = new ExportPart(service.name(), json, scratch)) {
      ServiceOutcome outcome;
      Path file;
      try {
        outcome = service.export(request.orgId(), request.terms(), part);
        file = part.finish();
      } catch (RuntimeException | IOException e) {
        part.discard();
        throw e;
      }
      try {
        String key = store.store(request.orgId(), file);
        String previous = setPartKey(request, service.name(), key);
        if (previous != null) {
          store.delete(request.orgId(), previous);
        }
        remember(request, service.name(), part);
      } finally {
        Files.deleteIfExists(file);
      }
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records which records of the service the package holds, by id, for a later erasure to find. */
  private void remember(StoredRequest request, String service, ExportPart part) throws IOException {
    packaged.clear(request.orgId(), request.id(), service);
    List<String> slice = new ArrayList<>();
    part.recordIds(
        id -> {
          slice.add(id);
          if (slice.size() == PackagedRecords.SLICE) {
            packaged.add(request.orgId(), request.id(), service, slice);
            slice.clear();
          }
        });
    if (!slice.isEmpty()) {
      packaged.add(request.orgId(), request.id(), service, slice);
    }
  }

  /** Assembles the package from the parts, stores it, removes the parts, returns its key. */
  String assemble(StoredRequest request, List<ServiceProgress> progress) {
    Map<String, String> parts = partKeys(request);
    Path file = null;
    try {
      file = Files.createTempFile(scratch, "package-", ".zip");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
        Map<String, Object> manifest = manifest(request, progress);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(indented.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("report.html"));
        zip.write(ExportReport.html(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (String key : parts.values()) {
          copyEntries(request, key, zip);
        }
      }
      String key = store.store(request.orgId(), file);
      parts.values().forEach(part -> store.delete(request.orgId(), part));
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(file);
    }
  }

  private void copyEntries(StoredRequest request, String partKey, ZipOutputStream zip) throws IOException {
    try (InputStream in = store.open(request.orgId(), partKey); ZipInputStream part = new ZipInputStream(in)) {
      for (ZipEntry entry = part.getNextEntry(); entry != null; entry = part.getNextEntry()) {
        zip.setLevel(levelFor(entry.getName()));
        zip.putNextEntry(new ZipEntry(entry.getName()));
        part.transferTo(zip);
        zip.closeEntry();
      }
    }
  }

  /**
   * Files are stored without compression: photos, recordings and documents are compressed already,
   * and deflating 2 GB of them twice (into the part, then into the package) took most of an
   * export's time. Records (JSON, CSV) compress well and are small.
   */
  static int levelFor(String entryName) {
    return entryName.startsWith("files/") ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION;
  }

  /** manifest.json: the request, the counts per service, and what Art. 15(1) (a)-(h) asks for. */
  private Map<String, Object> manifest(StoredRequest request, List<ServiceProgress> progress) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    Organization org = organizations.find(request.orgId()).orElseThrow();
    manifest.put("controller", org.name());
    manifest.put("generatedAt", clock.instant().toString());
    manifest.put(
        "request",
        Map.of(
            "id", request.id().toString(),
            "requestType", request.type().name(),
            "createdDate", request.createdAt().toString(),
            "dueDate", request.dueDate().toString()));
    manifest.put("subject", request.subject());
    List<Map<String, Object>> perService = new ArrayList<>();
    for (ServiceProgress p : progress) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("service", p.service());
      entry.put("matched", p.matched());
      entry.put("exported", p.exported());
      services.named(p.service()).map(PersonalDataService::inventory).ifPresent(i -> entry.put("article15", article15(i)));
      perService.add(entry);
    }
    manifest.put("services", perService);
    manifest.put(
        "rights",
        List.of(
            "Rectification of inaccurate data (Art. 16)",
            "Erasure (Art. 17)",
            "Restriction of processing (Art. 18)",
            "Objection to processing (Art. 21)",
            "Data portability: this package's JSON and CSV files are machine-readable (Art. 20)",
            "Lodging a complaint with a supervisory authority (Art. 77)"));
    return manifest;
  }

  private static Map<String, Object> article15(InventoryEntry inventory) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("description", inventory.description());
    info.put("purposes", inventory.purposes());
    info.put("legalBasis", inventory.legalBasis());
    info.put("categories", inventory.fields().stream().map(InventoryEntry.Field::category).distinct().toList());
    info.put("recipients", inventory.recipients());
    info.put("retention", inventory.retention());
    info.put("source", inventory.source());
    return info;
  }

  private String setPartKey(StoredRequest request, String service, String key) {
    return jdbc.sql(
            """
            update gdpr_request_services s set part_key = :key
            from (select part_key from gdpr_request_services
                  where org_id = :org and request_id = :id and service = :service for update) old
            where s.org_id = :org and s.request_id = :id and s.service = :service
            returning old.part_key
            """)
        .param("key", key)
        .param("org", request.orgId().value())
        .param("id", request.id())
        .param("service", service)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private Map<String, String> partKeys(StoredRequest request) {
    Map<String, String> keys = new LinkedHashMap<>();
    jdbc.sql(
            """
            select service, part_key from gdpr_request_services
            where org_id = :org and request_id = :id and part_key is not null order by service
            """)
        .param("org", request.orgId().value())
        .param("id", request.id())
        .query((rs, row) -> keys.put(rs.getString(1), rs.getString(2)))
        .list();
    return keys;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is removed with the temp directory
      }
    }
  }
}
