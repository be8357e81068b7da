package io.datarights.egress;

import java.net.UnknownHostException;

/**
 * The host resolved to an address outside the egress policy. An {@link UnknownHostException}, so
 * that an HTTP client's resolver can throw it and no connection is attempted; the message names the
 * class of address, never the address.
 */
public final class EgressRefused extends UnknownHostException {

  private final AddressClass addressClass;

  public EgressRefused(AddressClass addressClass) {
    super("The host resolves to " + addressClass.phrase() + ", which the egress policy does not allow.");
    this.addressClass = addressClass;
  }

  public AddressClass addressClass() {
    return addressClass;
  }
}
