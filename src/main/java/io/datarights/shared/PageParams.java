package io.datarights.shared;

/** Validated {@code pageSize}/{@code pageNumber} query parameters (Genesys: 1-based pages). */
public record PageParams(int pageSize, int pageNumber) {

  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_SIZE = 500;

  public static PageParams of(Integer pageSize, Integer pageNumber) {
    int size = pageSize == null ? DEFAULT_SIZE : pageSize;
    int number = pageNumber == null ? 1 : pageNumber;
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.invalidValue("pageSize", "pageSize must be between 1 and " + MAX_SIZE + ".");
    }
    if (number < 1) {
      throw ApiException.invalidValue("pageNumber", "pageNumber must be 1 or greater.");
    }
    return new PageParams(size, number);
  }

  public long offset() {
    return (long) (pageNumber - 1) * pageSize;
  }
}
