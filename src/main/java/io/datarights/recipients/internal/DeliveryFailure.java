package io.datarights.recipients.internal;

/**
 * Why an attempt was not delivered, in coarse classes only: what the remote said or which socket
 * error occurred is never recorded, so that the deliveries listing cannot be used to tell apart
 * closed ports, silent ports and other services of a network.
 */
enum DeliveryFailure {
  /** No connection could be made, or no valid HTTP answer came on it. */
  UNREACHABLE,
  /** Connected, but no answer within the request timeout. */
  TIMEOUT,
  /** Answered with a status other than 2xx (the status code is kept). */
  HTTP_STATUS,
  /** The URL's host resolves to an address the egress policy does not allow; nothing was sent. */
  ADDRESS_NOT_ALLOWED,
  /** The recipient's signing secret could not be decrypted on this side; nothing was sent. */
  SECRET_UNAVAILABLE
}
