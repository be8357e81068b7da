package io.datarights.journey.internal;

import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** A web event as the tracking snippet sends it. */
record EventBody(
    String customerId,
    String customerIdType,
    String sessionId,
    String eventType,
    Page page,
    Map<String, String> traits,
    Instant createdDate) {

  record Page(String url, String title) {}

  static final int MAX_TRAITS = 100;
  static final int MAX_KEY = 100;
  static final int MAX_VALUE = 1000;
  static final int MAX_URL = 2048;
  /** Clocks of browsers run a little ahead; a day ahead is a mistake. */
  static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** The checked event; the first problem is a 400 naming its field. */
  record Valid(
      CustomerKey customer, UUID sessionId, String eventType, String pageUrl, String pageTitle,
      Map<String, String> traits, Instant createdDate) {}

  Valid validate(Instant now) {
    CustomerKey customer = CustomerKey.parse(customerIdType, customerId);
    UUID session = null;
    if (sessionId != null) {
      session = Ids.parse(sessionId).orElseThrow(() -> ApiException.invalidValue("sessionId", "sessionId must be a UUID."));
    }
    if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
      throw ApiException.invalidValue(
          "eventType", "eventType is required: lower-case letters, digits and _, such as page_viewed or form_submitted.");
    }
    String url = page == null || page.url() == null || page.url().isBlank() ? null : page.url().strip();
    if (url != null && !isWebUrl(url)) {
      throw ApiException.invalidValue("page.url", "page.url must be an absolute http or https URL of at most " + MAX_URL + " characters.");
    }
    String title = page == null || page.title() == null || page.title().isBlank() ? null : page.title().strip();
    if (title != null && title.length() > MAX_VALUE) {
      throw ApiException.invalidValue("page.title", "page.title must be at most " + MAX_VALUE + " characters.");
    }
    if (createdDate != null && createdDate.isAfter(now.plus(FUTURE_TOLERANCE))) {
      throw ApiException.invalidValue("createdDate", "createdDate lies in the future.");
    }
    return new Valid(customer, session, eventType, url, title, checkedTraits(), createdDate == null ? now : createdDate);
  }

  private Map<String, String> checkedTraits() {
    Map<String, String> result = new LinkedHashMap<>();
    if (traits == null) {
      return result;
    }
    if (traits.size() > MAX_TRAITS) {
      throw ApiException.invalidValue("traits", "An event has at most " + MAX_TRAITS + " traits.");
    }
    for (var trait : traits.entrySet()) {
      String key = trait.getKey();
      if (key.isBlank() || key.length() > MAX_KEY) {
        throw ApiException.invalidValue("traits", "Trait names must be 1 to " + MAX_KEY + " characters.");
      }
      String field = "traits." + key;
      if (trait.getValue() == null) {
        throw ApiException.invalidValue(field, field + " must be a string.");
      }
      if (trait.getValue().length() > MAX_VALUE) {
        throw ApiException.invalidValue(field, field + " must be at most " + MAX_VALUE + " characters.");
      }
      result.put(key, trait.getValue());
    }
    return result;
  }

  private static boolean isWebUrl(String url) {
    if (url.length() > MAX_URL) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
