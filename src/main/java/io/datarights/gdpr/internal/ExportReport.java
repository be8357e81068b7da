package io.datarights.gdpr.internal;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** report.html: the manifest as a page a data subject can read. */
final class ExportReport {

  private ExportReport() {}

  @SuppressWarnings("unchecked")
  static String html(Map<String, Object> manifest) {
    Map<String, Object> request = (Map<String, Object>) manifest.get("request");
    StringBuilder page = new StringBuilder();
    page.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your personal data</title>")
        .append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .6rem;text-align:left}</style>")
        .append("</head><body>");
    page.append("<h1>Your personal data held by ").append(e(manifest.get("controller"))).append("</h1>");
    page.append("<p>Answer to request ").append(e(request.get("id"))).append(" of ").append(e(request.get("createdDate")))
        .append(", generated ").append(e(manifest.get("generatedAt"))).append(".</p>");
    page.append("<p>Each service's records are in the files <code>&lt;service&gt;.json</code> and <code>&lt;service&gt;.csv</code>; ")
        .append("files you sent or that were recorded are under <code>files/</code>.</p>");
    page.append("<table><tr><th>Service</th><th>Records found</th><th>Purposes</th><th>Legal basis</th>")
        .append("<th>Categories of data</th><th>Recipients</th><th>Retention</th><th>Source</th></tr>");
    for (Map<String, Object> service : (List<Map<String, Object>>) manifest.get("services")) {
      Map<String, Object> info = (Map<String, Object>) service.getOrDefault("article15", Map.of());
      page.append("<tr><td>").append(e(service.get("service")))
          .append("</td><td>").append(e(service.get("matched")))
          .append("</td><td>").append(e(info.get("purposes")))
          .append("</td><td>").append(e(info.get("legalBasis")))
          .append("</td><td>").append(e(info.get("categories")))
          .append("</td><td>").append(e(info.get("recipients")))
          .append("</td><td>").append(e(info.get("retention")))
          .append("</td><td>").append(e(info.get("source")))
          .append("</td></tr>");
    }
    page.append("</table><h2>Your rights</h2><ul>");
    for (Object right : (List<Object>) manifest.get("rights")) {
      page.append("<li>").append(e(right)).append("</li>");
    }
    return page.append("</ul></body></html>").toString();
  }

  private static String e(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
    return HtmlUtils.htmlEscape(text);
  }
}
