package io.datarights.blobs.internal;

import io.datarights.blobs.BlobTooLargeException;
import io.datarights.shared.ErrorBody;
import io.datarights.shared.ErrorResponses;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A file over a feature's limit is a 413 with the Genesys error body, wherever it is uploaded.
 * Ordered first so that the general handler's catch-all does not take it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlobErrors {

  static final String CODE = "request.entity.too.large";

  @ExceptionHandler(BlobTooLargeException.class)
  ResponseEntity<ErrorBody> tooLarge(BlobTooLargeException e) {
    HttpStatus status = HttpStatus.PAYLOAD_TOO_LARGE;
    return ResponseEntity.status(status)
        .body(
            ErrorResponses.body(
                status,
                CODE,
                e.getMessage(),
                Map.of("limit", Long.toString(e.limit())),
                List.of(new ErrorBody.Detail(CODE, "file"))));
  }
}
