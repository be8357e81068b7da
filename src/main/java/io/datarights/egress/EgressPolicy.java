package io.datarights.egress;

import io.datarights.egress.internal.AddressClassifier;
import io.datarights.egress.internal.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * Which addresses outbound connections may reach: public unicast addresses, plus the ranges the
 * operator allows. A host is resolved once, every address it resolves to is checked, and the
 * connection is made to those checked addresses only.
 */
public final class EgressPolicy {

  /** Resolves a host name (or literal) to its addresses; the system's resolver outside tests. */
  @FunctionalInterface
  public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final List<Cidr> allowedRanges;
  private final HostResolver resolver;

  private EgressPolicy(List<Cidr> allowedRanges, HostResolver resolver) {
    this.allowedRanges = allowedRanges;
    this.resolver = resolver;
  }

  /** @throws IllegalArgumentException naming a range that is not a CIDR block */
  public static EgressPolicy allowing(List<String> allowedRanges, HostResolver resolver) {
    return new EgressPolicy(allowedRanges.stream().map(String::strip).filter(r -> !r.isEmpty()).map(Cidr::parse).toList(), resolver);
  }

  /**
   * Why a URL may not be reached, checked when it is registered; empty if every address its host
   * resolves to is allowed, or if it does not resolve now (it is checked again on every connection).
   */
  public Optional<AddressClass> refusal(URI url) {
    try {
      allowedAddresses(url.getHost());
      return Optional.empty();
    } catch (EgressRefused refused) {
      return Optional.of(refused.addressClass());
    } catch (UnknownHostException unresolved) {
      return Optional.empty();
    }
  }

  /**
   * The addresses of a host, if every one of them is allowed: the addresses to connect to.
   *
   * @throws EgressRefused if any address is not allowed (one bad address refuses the host: which
   *     one a client would pick is not ours to guess)
   * @throws UnknownHostException if the host does not resolve
   */
  public InetAddress[] allowedAddresses(String host) throws UnknownHostException {
    String bare = host == null ? "" : host.strip();
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.isEmpty()) {
      throw new UnknownHostException("No host.");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (IllegalArgumentException | SecurityException e) {
      throw new UnknownHostException("The host is not a valid name."); // e.g. an unknown IPv6 zone
    }
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException("The host has no address.");
    }
    InetAddress[] checked = Arrays.stream(addresses).map(AddressClassifier::unmapped).toArray(InetAddress[]::new);
    for (InetAddress address : checked) {
      AddressClass kind = AddressClassifier.classify(address);
      if (kind != AddressClass.PUBLIC && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
        throw new EgressRefused(kind);
      }
    }
    return checked;
  }

  /** The policy as an HTTP client's resolver: what it returns is what the client connects to. */
  public DnsResolver dnsResolver() {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return allowedAddresses(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host; // no reverse lookups: the name given is the name used (TLS, Host header)
      }
    };
  }

  /**
   * An HTTP client that reaches only what this policy allows: no redirects (a redirect is a new,
   * unchecked destination chosen by the remote), no retries, no cookies, no system proxy, no
   * connection reuse (each request resolves and checks its host anew).
   */
  public CloseableHttpClient newHttpClient(Duration connectTimeout, Duration responseTimeout, int maxConnections) {
    Timeout connect = Timeout.of(connectTimeout);
    Timeout response = Timeout.of(responseTimeout);
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(dnsResolver())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(response).build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(response).build())
                .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).setConnectionRequestTimeout(connect).build())
        .setConnectionReuseStrategy((request, answer, context) -> false)
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
  }
}
