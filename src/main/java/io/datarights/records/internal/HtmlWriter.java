package io.datarights.records.internal;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A self-contained, printable HTML document: styles inline, no scripts, no external resources.
 * Every text passed in is escaped; markup comes only from this class.
 */
final class HtmlWriter {

  private static final String STYLE =
      "body{font-family:Georgia,'Times New Roman',serif;max-width:62rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}"
          + "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #999}"
          + "h3{font-size:1.05rem;margin-top:1.4rem}.meta{color:#444;font-size:.9rem}"
          + "table{border-collapse:collapse;width:100%;margin:.5rem 0}"
          + "th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}"
          + "th{background:#eee;width:16rem}thead th{width:auto}"
          + ".gap{color:#8a1f11}"
          + "@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}table,tr{break-inside:avoid}"
          + "th{background:none}}";

  private final StringBuilder out = new StringBuilder();

  HtmlWriter(String title) {
    out.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(e(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
  }

  static String e(Object value) {
    // The page is UTF-8: only markup characters need escaping.
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
  }

  HtmlWriter h1(String text) {
    return tag("h1", text);
  }

  HtmlWriter h2(String text) {
    return tag("h2", text);
  }

  HtmlWriter h3(String text) {
    return tag("h3", text);
  }

  HtmlWriter p(String text) {
    return tag("p", text);
  }

  HtmlWriter meta(String text) {
    out.append("<p class=\"meta\">").append(e(text)).append("</p>");
    return this;
  }

  HtmlWriter gaps(List<String> gaps) {
    if (!gaps.isEmpty()) {
      out.append("<ul class=\"gap\">");
      gaps.forEach(g -> out.append("<li>").append(e(g)).append("</li>"));
      out.append("</ul>");
    }
    return this;
  }

  HtmlWriter list(List<String> items) {
    out.append("<ul>");
    items.forEach(i -> out.append("<li>").append(e(i)).append("</li>"));
    out.append("</ul>");
    return this;
  }

  /** A two-column table of labelled values; a list value is shown one item a line. */
  HtmlWriter facts(List<Fact> facts) {
    out.append("<table>");
    for (Fact fact : facts) {
      out.append("<tr><th scope=\"row\">").append(e(fact.label())).append("</th><td>").append(cell(fact.value())).append("</td></tr>");
    }
    out.append("</table>");
    return this;
  }

  /** A table with a header row; each row's cells are escaped like {@link #facts} values. */
  HtmlWriter table(List<String> headers, List<List<Object>> rows) {
    out.append("<table><thead><tr>");
    headers.forEach(h -> out.append("<th scope=\"col\">").append(e(h)).append("</th>"));
    out.append("</tr></thead><tbody>");
    for (List<Object> row : rows) {
      out.append("<tr>");
      row.forEach(c -> out.append("<td>").append(cell(c)).append("</td>"));
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    return this;
  }

  String finish() {
    return out.append("</body></html>").toString();
  }

  private HtmlWriter tag(String tag, String text) {
    out.append('<').append(tag).append('>').append(e(text)).append("</").append(tag).append('>');
    return this;
  }

  private static String cell(Object value) {
    if (value instanceof List<?> list) {
      return String.join("<br>", list.stream().map(HtmlWriter::e).toList());
    }
    return e(value);
  }

  record Fact(String label, Object value) {}
}
