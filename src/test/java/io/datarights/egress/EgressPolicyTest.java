package io.datarights.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {

  private static final EgressPolicy DEFAULT = EgressPolicy.allowing(List.of(), EgressPolicy.HostResolver.SYSTEM);

  /** A DNS whose answers the test sets, and changes. */
  private static final class FakeDns implements EgressPolicy.HostResolver {
    final Map<String, InetAddress[]> answers = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    void answer(String host, String... addresses) {
      InetAddress[] resolved = new InetAddress[addresses.length];
      for (int i = 0; i < addresses.length; i++) {
        resolved[i] = literal(addresses[i]);
      }
      answers.put(host, resolved);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      lookups.incrementAndGet();
      InetAddress[] resolved = answers.get(host);
      if (resolved == null && (host.contains(":") || Character.isDigit(host.charAt(host.length() - 1)))) {
        return InetAddress.getAllByName(host); // literals are no lookups
      }
      if (resolved == null) {
        throw new UnknownHostException(host);
      }
      return resolved;
    }
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Optional<AddressClass> refusal(EgressPolicy policy, String url) {
    return policy.refusal(URI.create(url));
  }

  @Test
  void everyAddressThatIsNotPublicUnicastIsRefusedByDefault() {
    Map<String, AddressClass> cases = new java.util.LinkedHashMap<>();
    cases.put("http://127.0.0.1:8080/hook", AddressClass.LOOPBACK);
    cases.put("http://localhost/hook", AddressClass.LOOPBACK);
    cases.put("http://0.0.0.0/hook", AddressClass.UNSPECIFIED);
    cases.put("http://[::1]/hook", AddressClass.LOOPBACK);
    cases.put("http://[::]/hook", AddressClass.UNSPECIFIED);
    cases.put("http://10.0.0.1/hook", AddressClass.PRIVATE);
    cases.put("http://172.16.5.4/hook", AddressClass.PRIVATE);
    cases.put("http://192.168.1.1/hook", AddressClass.PRIVATE);
    cases.put("http://100.64.0.1/hook", AddressClass.PRIVATE);
    cases.put("http://169.254.169.254/latest/meta-data/", AddressClass.LINK_LOCAL);
    cases.put("http://224.0.0.1/hook", AddressClass.MULTICAST);
    cases.put("http://239.255.255.250/hook", AddressClass.MULTICAST);
    cases.put("http://255.255.255.255/hook", AddressClass.RESERVED);
    cases.put("http://192.0.2.1/hook", AddressClass.RESERVED);
    cases.put("http://[::ffff:127.0.0.1]/hook", AddressClass.LOOPBACK);
    cases.put("http://[::127.0.0.1]/hook", AddressClass.LOOPBACK);
    cases.put("http://[64:ff9b::7f00:1]/hook", AddressClass.LOOPBACK);
    cases.put("http://[2002:a9fe:a9fe::1]/hook", AddressClass.LINK_LOCAL);
    cases.put("http://[fe80::1]/hook", AddressClass.LINK_LOCAL);
    cases.put("http://[fd12:3456::1]/hook", AddressClass.PRIVATE);
    cases.put("http://[ff02::1]/hook", AddressClass.MULTICAST);
    cases.put("http://[2001:db8::1]/hook", AddressClass.RESERVED);
    cases.put("http://2130706433/hook", AddressClass.LOOPBACK);

    cases.forEach((url, kind) -> assertThat(refusal(DEFAULT, url)).as(url).contains(kind));
  }

  @Test
  void publicUnicastAddressesAreAllowed() {
    for (String url : List.of("https://93.184.216.34/hook", "http://8.8.8.8:8443/x", "https://[2606:4700:4700::1111]/hook",
        "http://[2a00:1450:4001:80b::200e]/")) {
      assertThat(refusal(DEFAULT, url)).as(url).isEmpty();
    }
  }

  @Test
  void anIpv4MappedAddressFromAResolverIsJudgedAsTheIpv4AddressItCarries() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
    EgressPolicy policy = EgressPolicy.allowing(List.of(), host -> new InetAddress[] {v6});

    assertThatThrownBy(() -> policy.allowedAddresses("mapped.example"))
        .isInstanceOfSatisfying(EgressRefused.class, e -> assertThat(e.addressClass()).isEqualTo(AddressClass.LOOPBACK));
  }

  @Test
  void aNameIsRefusedIfAnyOfItsAddressesIsNotPublic() {
    FakeDns dns = new FakeDns();
    dns.answer("split.example", "93.184.216.34", "10.0.0.7");

    assertThat(refusal(EgressPolicy.allowing(List.of(), dns), "https://split.example/hook")).contains(AddressClass.PRIVATE);
  }

  @Test
  void anAllowedRangeAdmitsItsAddressesAndNoOthers() throws Exception {
    FakeDns dns = new FakeDns();
    dns.answer("crm.corp.example", "10.20.5.5");
    dns.answer("db.corp.example", "10.21.0.1");
    dns.answer("v6.corp.example", "fd00:1::5");
    EgressPolicy policy = EgressPolicy.allowing(List.of(" 10.20.0.0/16", "fd00:1::/32 ", "127.0.0.1"), dns);

    assertThat(refusal(policy, "https://crm.corp.example/hook")).isEmpty();
    assertThat(refusal(policy, "https://v6.corp.example/hook")).isEmpty();
    assertThat(refusal(policy, "http://127.0.0.1:9/hook")).isEmpty();
    assertThat(refusal(policy, "http://[::ffff:127.0.0.1]:9/hook")).isEmpty();
    assertThat(refusal(policy, "https://db.corp.example/hook")).contains(AddressClass.PRIVATE);
    assertThat(refusal(policy, "http://127.0.0.2/hook")).contains(AddressClass.LOOPBACK);
    assertThat(refusal(policy, "http://[::1]/hook")).contains(AddressClass.LOOPBACK);
    assertThat(policy.allowedAddresses("crm.corp.example")).containsExactly(literal("10.20.5.5"));
  }

  @Test
  void aRangeThatIsNotACidrBlockIsRejectedNamingIt() {
    for (String range : List.of("10.0.0.0/33", "intranet.example", "10.0.0.0/x", "fd00::/129", "10.0.0.0/8/8")) {
      assertThatThrownBy(() -> EgressPolicy.allowing(List.of(range), EgressPolicy.HostResolver.SYSTEM))
          .as(range).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(range);
    }
  }

  @Test
  void aNameThatDoesNotResolveIsLeftToTheCheckOnConnection() {
    FakeDns dns = new FakeDns();

    assertThat(refusal(EgressPolicy.allowing(List.of(), dns), "https://not-yet.example/hook")).isEmpty();
    assertThatThrownBy(() -> EgressPolicy.allowing(List.of(), dns).allowedAddresses("not-yet.example"))
        .isInstanceOf(UnknownHostException.class).isNotInstanceOf(EgressRefused.class);
  }

  @Test
  void aNameThatResolvesToAPublicAddressWhenRegisteredAndToAnInternalOneLaterIsRefusedOnConnection() {
    FakeDns dns = new FakeDns();
    EgressPolicy policy = EgressPolicy.allowing(List.of(), dns);
    dns.answer("rebind.example", "93.184.216.34");
    assertThat(refusal(policy, "https://rebind.example/hook")).isEmpty();

    dns.answer("rebind.example", "169.254.169.254");

    assertThatThrownBy(() -> policy.allowedAddresses("rebind.example"))
        .isInstanceOfSatisfying(EgressRefused.class, e -> assertThat(e.addressClass()).isEqualTo(AddressClass.LINK_LOCAL))
        .hasMessageNotContaining("169.254");
  }

  @Test
  void theHttpClientConnectsToTheAddressThePolicyCheckedAndToNothingElse() throws Exception {
    FakeDns dns = new FakeDns();
    EgressPolicy policy = EgressPolicy.allowing(List.of("127.0.0.1/32"), dns);
    try (ServerSocket allowed = new ServerSocket();
        ServerSocket forbidden = new ServerSocket();
        CloseableHttpClient http = policy.newHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 2)) {
      allowed.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      forbidden.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), allowed.getLocalPort()));
      forbidden.setSoTimeout(200);
      Thread server = answerOnce(allowed);
      // ".invalid" never resolves in the system's DNS: a connection proves the policy's answer was used.
      dns.answer("receiver.invalid", "127.0.0.1");

      try (ClassicHttpResponse response = http.executeOpen(null, new HttpGet("http://receiver.invalid:" + allowed.getLocalPort() + "/"), null)) {
        assertThat(response.getCode()).isEqualTo(204);
      }
      server.join(5_000);

      // The name now points at another loopback address, outside the allowed range: refused before any connection.
      dns.answer("receiver.invalid", "127.0.0.2");
      assertThatThrownBy(() -> http.executeOpen(null, new HttpGet("http://receiver.invalid:" + allowed.getLocalPort() + "/"), null).close())
          .isInstanceOf(EgressRefused.class);
      assertThatThrownBy(forbidden::accept).as("nothing connected to the forbidden address").isInstanceOf(java.net.SocketTimeoutException.class);
      assertThat(dns.lookups.get()).isEqualTo(2);
    }
  }

  private static Thread answerOnce(ServerSocket server) {
    Thread thread = new Thread(() -> {
      try (Socket socket = server.accept()) {
        socket.getInputStream().read(new byte[8192]);
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
