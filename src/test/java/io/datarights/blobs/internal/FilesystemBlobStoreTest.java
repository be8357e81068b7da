package io.datarights.blobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datarights.blobs.BlobNotFoundException;
import io.datarights.blobs.BlobRef;
import io.datarights.blobs.BlobTooLargeException;
import io.datarights.shared.OrgId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemBlobStoreTest {

  @TempDir Path root;

  private final OrgId acme = OrgId.random();
  private final OrgId globex = OrgId.random();

  private FilesystemBlobStore store() {
    return new FilesystemBlobStore(root);
  }

  @Test
  void storesContentWithItsSizeAndSha256AndReadsItBack() throws Exception {
    byte[] content = randomBytes(300_000);

    BlobRef ref = store().put(acme, "attachment", new ByteArrayInputStream(content), 1_000_000);

    assertThat(ref.size()).isEqualTo(content.length);
    assertThat(ref.sha256()).isEqualTo(sha256(content));
    assertThat(ref.key()).matches("attachment_[0-9a-f]{32}");
    try (InputStream in = store().open(acme, ref.key())) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(root.resolve(acme.toString()).resolve(ref.key())).isRegularFile();
  }

  @Test
  void acceptsContentOfExactlyTheLimit() {
    BlobRef ref = store().put(acme, "recording", new ByteArrayInputStream(new byte[1024]), 1024);

    assertThat(ref.size()).isEqualTo(1024);
    assertThat(store().exists(acme, ref.key())).isTrue();
  }

  @Test
  void refusesContentOverTheLimitAndKeepsNothingNotEvenATemporaryFile() throws IOException {
    // A stream that never says how long it is: the limit is enforced while reading.
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }
    };

    assertThatThrownBy(() -> store().put(acme, "attachment", endless, 10_000))
        .isInstanceOf(BlobTooLargeException.class)
        .satisfies(e -> assertThat(((BlobTooLargeException) e).limit()).isEqualTo(10_000));
    assertThatThrownBy(() -> store().put(acme, "attachment", new ByteArrayInputStream(new byte[1025]), 1024))
        .isInstanceOf(BlobTooLargeException.class);

    try (Stream<Path> files = Files.list(root.resolve(acme.toString()))) {
      assertThat(files.toList()).isEmpty();
    }
  }

  @Test
  void deletingIsIdempotent() {
    BlobRef ref = store().put(acme, "attachment", new ByteArrayInputStream(new byte[] {1, 2, 3}), 100);

    store().delete(acme, ref.key());
    store().delete(acme, ref.key());

    assertThat(store().exists(acme, ref.key())).isFalse();
    assertThatThrownBy(() -> store().open(acme, ref.key())).isInstanceOf(BlobNotFoundException.class);
    store().delete(globex, "attachment_00000000000000000000000000000000");
  }

  @Test
  void anotherOrgsKeyNamesNothing() {
    BlobRef ref = store().put(acme, "attachment", new ByteArrayInputStream(new byte[] {1}), 100);

    assertThat(store().exists(globex, ref.key())).isFalse();
    assertThatThrownBy(() -> store().open(globex, ref.key())).isInstanceOf(BlobNotFoundException.class);
    store().delete(globex, ref.key());
    assertThat(store().exists(acme, ref.key())).isTrue();
  }

  @Test
  void keysThatAreNotOursNeverBecomePaths() throws IOException {
    Path secret = root.resolve("secret.txt");
    Files.writeString(secret, "do not read");
    BlobRef ref = store().put(acme, "attachment", new ByteArrayInputStream(new byte[] {1}), 100);

    for (String key : List.of("../secret.txt", "../../" + root.getFileName() + "/secret.txt", "/etc/passwd", "", ref.key() + "/..", "ATTACHMENT_" + ref.key().substring(11))) {
      assertThat(store().exists(acme, key)).as(key).isFalse();
      assertThatThrownBy(() -> store().open(acme, key)).as(key).isInstanceOf(BlobNotFoundException.class);
      store().delete(acme, key);
    }
    assertThat(secret).exists();
  }

  @Test
  void everyBlobGetsItsOwnRandomKey() {
    BlobRef a = store().put(acme, "attachment", new ByteArrayInputStream(new byte[] {1}), 100);
    BlobRef b = store().put(acme, "attachment", new ByteArrayInputStream(new byte[] {1}), 100);

    assertThat(a.key()).isNotEqualTo(b.key());
    assertThat(a.sha256()).isEqualTo(b.sha256());
  }

  @Test
  void kindsAreCheckedBecauseTheyBecomePartOfTheKey() {
    assertThatThrownBy(() -> store().put(acme, "../x", new ByteArrayInputStream(new byte[0]), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
