package io.datarights.egress.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. */
public record Cidr(byte[] network, int prefixLength) {

  public Cidr {
    network = network.clone();
  }

  /** @throws IllegalArgumentException naming the value, which is the operator's, not a client's */
  public static Cidr parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length > 2 || !looksLikeLiteral(parts[0])) {
      throw invalid(text);
    }
    byte[] address;
    try {
      address = AddressClassifier.unmapped(InetAddress.getByName(parts[0])).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(text);
    }
    int bits = address.length * 8;
    int prefix;
    try {
      prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    if (prefix < 0 || prefix > bits) {
      throw invalid(text);
    }
    return new Cidr(address, prefix);
  }

  public boolean contains(InetAddress candidate) {
    byte[] bytes = AddressClassifier.unmapped(candidate).getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** Only literals: a name here would be resolved once at start and silently go stale. */
  private static boolean looksLikeLiteral(String text) {
    return !text.isEmpty() && (text.contains(":") || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "datarights.egress.allowed-ranges: '" + text + "' is not a CIDR block such as 10.0.0.0/8 or fd00::/8");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
