package io.datarights.gdpr.internal;

import io.datarights.database.DatabaseProperties;
import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Export parts and packages as files under {@code <dataDir>/exports/<org>/}. */
@Component
class FilePackageStore implements PackageStore {

  private final Path root;

  FilePackageStore(DatabaseProperties.DataDir dataDir) {
    this.root = dataDir.dataDir().toAbsolutePath().normalize().resolve("exports");
  }

  @Override
  public String store(OrgId org, Path file) throws IOException {
    String key = UUID.randomUUID().toString();
    Path target = path(org, key);
    Files.createDirectories(target.getParent());
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    return key;
  }

  @Override
  public InputStream open(OrgId org, String key) throws IOException {
    return Files.newInputStream(path(org, key));
  }

  @Override
  public void delete(OrgId org, String key) {
    try {
      Files.deleteIfExists(path(org, key));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path path(OrgId org, String key) {
    // Keys are our own UUIDs; parsing them again keeps any other string out of the path.
    return root.resolve(org.toString()).resolve(UUID.fromString(key).toString());
  }
}
