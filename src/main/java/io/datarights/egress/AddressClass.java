package io.datarights.egress;

/** What kind of address a host resolved to; only {@link #PUBLIC} may be reached without an allowed range. */
public enum AddressClass {
  PUBLIC("a public address"),
  LOOPBACK("a loopback address"),
  UNSPECIFIED("an unspecified address"),
  LINK_LOCAL("a link-local address"),
  PRIVATE("a private address"),
  MULTICAST("a multicast address"),
  RESERVED("a reserved (special-purpose) address");

  private final String phrase;

  AddressClass(String phrase) {
    this.phrase = phrase;
  }

  /** E.g. "a loopback address", for messages that say why without naming the address. */
  public String phrase() {
    return phrase;
  }
}
