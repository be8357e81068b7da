package io.datarights.shared;

import java.util.List;
import java.util.Map;

/**
 * The Genesys Cloud error body. Every error the service answers has this shape, so that Genesys SDK
 * clients can parse it.
 */
public record ErrorBody(
    int status,
    String code,
    String message,
    String messageWithParams,
    Map<String, String> messageParams,
    String contextId,
    List<Detail> details,
    List<ErrorBody> errors) {

  /** One offending field of a request. */
  public record Detail(String errorCode, String fieldName) {}
}
