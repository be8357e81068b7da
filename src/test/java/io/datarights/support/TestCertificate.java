package io.datarights.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made for one test run by the JDK's keytool: a PKCS12 key store for the
 * server (Spring Boot's {@code server.ssl.*}) and a trust store holding only that certificate.
 */
public record TestCertificate(Path keyStore, Path trustStore, String password, List<String> hostNames) {

  private static final String ALIAS = "server";

  public static TestCertificate create(Path directory, String... hostNames) {
    String password = "test-" + Long.toHexString(System.nanoTime());
    Path keyStore = directory.resolve("server.p12");
    Path trustStore = directory.resolve("trust.p12");
    StringBuilder san = new StringBuilder();
    for (String host : hostNames) {
      san.append(san.isEmpty() ? "SAN=" : ",").append("dns:").append(host);
    }
    keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + hostNames[0],
        "-ext", san.toString(), "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", password, "-keypass", password));
    try (InputStream in = Files.newInputStream(keyStore); OutputStream out = Files.newOutputStream(trustStore)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, password.toCharArray());
      Certificate certificate = keys.getCertificate(ALIAS);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(ALIAS, certificate);
      trust.store(out, password.toCharArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return new TestCertificate(keyStore, trustStore, password, List.of(hostNames));
  }

  /** Spring Boot's standard settings that serve HTTPS with this certificate. */
  public Map<String, String> serverSettings() {
    return Map.of(
        "server.ssl.enabled", "true",
        "server.ssl.key-store", keyStore.toAbsolutePath().toString(),
        "server.ssl.key-store-type", "PKCS12",
        "server.ssl.key-store-password", password,
        "server.ssl.key-alias", ALIAS);
  }

  /** A client context that trusts this certificate only. */
  public SSLContext clientContext() {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(in, password.toCharArray());
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void keytool(List<String> args) {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    try {
      Process process = new ProcessBuilder(java.util.stream.Stream.concat(java.util.stream.Stream.of(keytool.toString()), args.stream()).toList())
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
