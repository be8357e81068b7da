package io.datarights.egress.internal;

import io.datarights.egress.AddressClass;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Sorts an address into public unicast and the rest (IANA special-purpose registries). IPv6 forms
 * that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address.
 */
public final class AddressClassifier {

  private AddressClassifier() {}

  public static AddressClass classify(InetAddress address) {
    InetAddress plain = unmapped(address);
    return plain instanceof Inet4Address ? classifyV4(plain.getAddress()) : classifyV6(plain.getAddress());
  }

  /** {@code ::ffff:a.b.c.d} as the IPv4 address it is (Java does this for literals, not for every resolver). */
  public static InetAddress unmapped(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address && isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return v4(Arrays.copyOfRange(b, 12, 16));
    }
    return address;
  }

  private static AddressClass classifyV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return AddressClass.UNSPECIFIED; // "this network": 0.0.0.0 reaches the server itself
    }
    if (a0 == 127) {
      return AddressClass.LOOPBACK;
    }
    if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168) || (a0 == 100 && a1 >= 64 && a1 <= 127)) {
      return AddressClass.PRIVATE; // RFC 1918 and the carrier-grade NAT range (RFC 6598)
    }
    if (a0 == 169 && a1 == 254) {
      return AddressClass.LINK_LOCAL; // includes cloud metadata endpoints (169.254.169.254)
    }
    if (a0 >= 224 && a0 <= 239) {
      return AddressClass.MULTICAST;
    }
    if (a0 >= 240 // reserved and the limited broadcast 255.255.255.255
        || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
        || (a0 == 192 && a1 == 88 && a2 == 99) // 6to4 relay anycast
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
        || (a0 == 203 && a1 == 0 && a2 == 113)) { // TEST-NET-3
      return AddressClass.RESERVED;
    }
    return AddressClass.PUBLIC;
  }

  private static AddressClass classifyV6(byte[] b) {
    if (isZero(b, 0, 15)) {
      return (b[15] & 0xff) == 1 ? AddressClass.LOOPBACK : (b[15] == 0 ? AddressClass.UNSPECIFIED : AddressClass.RESERVED);
    }
    if (isZero(b, 0, 12)) {
      return classifyV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible ::a.b.c.d
    }
    int w0 = word(b, 0);
    int w1 = word(b, 1);
    if (w0 == 0x64 && w1 == 0xff9b && isZero(b, 4, 12)) {
      return classifyV4(Arrays.copyOfRange(b, 12, 16)); // NAT64 well-known prefix
    }
    if (w0 == 0x2002) {
      return classifyV4(Arrays.copyOfRange(b, 2, 6)); // 6to4
    }
    if ((b[0] & 0xff) == 0xff) {
      return AddressClass.MULTICAST;
    }
    if ((w0 & 0xffc0) == 0xfe80) {
      return AddressClass.LINK_LOCAL;
    }
    if ((w0 & 0xfe00) == 0xfc00 || (w0 & 0xffc0) == 0xfec0) {
      return AddressClass.PRIVATE; // unique local, and the deprecated site-local
    }
    if ((w0 & 0xe000) != 0x2000 // outside global unicast 2000::/3
        || (w0 == 0x2001 && (w1 & 0xfe00) == 0) // 2001::/23: Teredo, ORCHID, benchmarking…
        || (w0 == 0x2001 && w1 == 0x0db8)) { // documentation
      return AddressClass.RESERVED;
    }
    return AddressClass.PUBLIC;
  }

  private static int word(byte[] b, int index) {
    return ((b[2 * index] & 0xff) << 8) | (b[2 * index + 1] & 0xff);
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress v4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
