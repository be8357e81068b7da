package io.datarights.records.internal;

import io.datarights.shared.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * JSON or a readable HTML document for the same resource: {@code ?format=html|json} decides, else
 * the {@code Accept} header (HTML when it prefers text/html over JSON, as browsers do).
 */
final class Negotiation {

  static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  /** The generated pages need nothing from anywhere: forbid everything but their inline styles. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  private Negotiation() {}

  static boolean wantsHtml(String format, String accept) {
    if (format != null) {
      return switch (format) {
        case "html" -> true;
        case "json" -> false;
        default -> throw ApiException.invalidValue("format", "format must be json or html.");
      };
    }
    if (accept == null || accept.isBlank()) {
      return false;
    }
    try {
      List<MediaType> types =
          MediaType.parseMediaTypes(accept).stream()
              .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
              .toList();
      for (MediaType type : types) {
        if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
          return true;
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
          return false;
        }
      }
    } catch (InvalidMediaTypeException e) {
      // An unreadable Accept header gets the default, JSON.
    }
    return false;
  }

  static ResponseEntity<Object> respond(boolean asHtml, Object json, Supplier<String> html) {
    if (asHtml) {
      return ResponseEntity.ok()
          .contentType(HTML)
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
          .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
          .body(html.get());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(json);
  }
}
