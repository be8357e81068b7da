package io.datarights.blobs.internal;

import io.datarights.blobs.BlobNotFoundException;
import io.datarights.blobs.BlobRef;
import io.datarights.blobs.BlobStore;
import io.datarights.blobs.BlobTooLargeException;
import io.datarights.shared.OrgId;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Blobs as files under {@code <root>/<orgId>/<key>}. Content is written to a temporary file in the
 * same directory and moved into place atomically once complete, so a blob is either whole or
 * absent, also after a crash (a crash can leave a {@code .upload-*.tmp} file behind, never a
 * partial blob).
 */
class FilesystemBlobStore implements BlobStore {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  /** Keys are ours: a kind and 128 random bits. Anything else names no blob and never a path. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,31}_[0-9a-f]{32}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BUFFER = 64 * 1024;

  private final Path root;

  FilesystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public BlobRef put(OrgId org, String kind, InputStream content, long maxBytes) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("Blob kinds are lower-case letters, digits and dashes: " + kind);
    }
    String key = kind + "_" + randomHex();
    Path directory = orgDirectory(org);
    Path temp = null;
    try {
      Files.createDirectories(directory);
      temp = Files.createTempFile(directory, ".upload-", ".tmp");
      MessageDigest sha256 = sha256();
      long size = 0;
      try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
        byte[] buffer = new byte[BUFFER];
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
          size += n;
          if (size > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
          }
          sha256.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
        // On disk before the move, so that a blob a database row points to survives a power cut.
        out.getFD().sync();
      }
      Files.move(temp, directory.resolve(key), StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      return new BlobRef(key, size, HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(temp);
    }
  }

  @Override
  public InputStream open(OrgId org, String key) {
    Path file = pathOf(org, key);
    if (file == null) {
      throw new BlobNotFoundException();
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean exists(OrgId org, String key) {
    Path file = pathOf(org, key);
    return file != null && Files.isRegularFile(file);
  }

  @Override
  public void delete(OrgId org, String key) {
    Path file = pathOf(org, key);
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path orgDirectory(OrgId org) {
    return root.resolve(org.value().toString());
  }

  /** The file of a well-formed key, or null: a malformed key names nothing. */
  private Path pathOf(OrgId org, String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      return null;
    }
    return orgDirectory(org).resolve(key);
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // A left-over temporary file holds no blob; it is named .upload-*.tmp and safe to remove.
    }
  }
}
