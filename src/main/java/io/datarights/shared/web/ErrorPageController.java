package io.datarights.shared.web;

import io.datarights.shared.ErrorBody;
import io.datarights.shared.ErrorResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replaces Spring Boot's error page so that errors raised outside controllers keep our shape. */
@RestController
class ErrorPageController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ErrorBody> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String errorCode =
        switch (status) {
          case NOT_FOUND -> "not.found";
          case BAD_REQUEST -> "bad.request";
          case UNAUTHORIZED -> "authentication.required";
          case FORBIDDEN -> "missing.permissions";
          case PAYLOAD_TOO_LARGE -> BodyTooLargeException.CODE;
          default -> status.is5xxServerError() ? "internal.server.error" : "bad.request";
        };
    String message =
        status.is5xxServerError()
            ? "The server could not complete the request. Quote the contextId when reporting it."
            : status.getReasonPhrase() + ".";
    // A view that failed half-way may have set text/html already; the error body is JSON regardless.
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorResponses.body(status, errorCode, message, Map.of(), List.of()));
  }
}
