package io.datarights.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A Genesys entity listing: one page of entities with navigation links. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Listing<T>(
    List<T> entities,
    int pageSize,
    int pageNumber,
    long total,
    long pageCount,
    String firstUri,
    String previousUri,
    String nextUri,
    String lastUri,
    String selfUri) {

  /**
   * @param path the resource path without query, e.g. {@code /api/v2/users}
   * @param extraQuery further query parameters to keep in links, e.g. {@code state=active&}, or ""
   */
  public static <T> Listing<T> of(
      List<T> entities, PageParams page, long total, String path, String extraQuery) {
    long pageCount = total == 0 ? 0 : (total + page.pageSize() - 1) / page.pageSize();
    String base = path + "?" + extraQuery + "pageSize=" + page.pageSize() + "&pageNumber=";
    int number = page.pageNumber();
    return new Listing<>(
        List.copyOf(entities),
        page.pageSize(),
        number,
        total,
        pageCount,
        base + 1,
        number > 1 ? base + (number - 1) : null,
        number < pageCount ? base + (number + 1) : null,
        base + Math.max(pageCount, 1),
        base + number);
  }

  public static <T> Listing<T> of(List<T> entities, PageParams page, long total, String path) {
    return of(entities, page, total, path, "");
  }
}
