package io.datarights.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.ErrorBody;
import io.datarights.shared.RequestContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Answers the requests Tomcat refuses before they reach the application (an encoded NUL or slash
 * in the path, a malformed request line or header) with the Genesys error body instead of
 * Tomcat's HTML page. Errors of the application itself are answered by {@code ApiErrorHandler}
 * and {@code ErrorPageController}; this valve writes only where nothing was written yet.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    String contextId = RequestContext.currentId() != null ? RequestContext.currentId() : UUID.randomUUID().toString();
    String errorCode = status.is5xxServerError() ? "internal.server.error" : status == HttpStatus.NOT_FOUND ? "not.found" : "bad.request";
    String message =
        status.is5xxServerError()
            ? "The server could not complete the request. Quote the contextId when reporting it."
            : "The HTTP server refused the request (" + status.getReasonPhrase() + "): its path, query or headers are malformed.";
    List<ErrorBody.Detail> details =
        status == HttpStatus.BAD_REQUEST ? List.of(new ErrorBody.Detail("bad.request", "request")) : List.of();
    ErrorBody body = new ErrorBody(code, errorCode, message, message, Map.of(), contextId, details, List.of());
    log.debug("HTTP server refused a request with {} [contextId {}]", code, contextId, throwable);
    try {
      response.setHeader(RequestContext.HEADER, contextId);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was taken over; nothing more to say.
    }
  }
}
