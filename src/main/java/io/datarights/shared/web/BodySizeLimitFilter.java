package io.datarights.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the configured limit with 413, before anything reads them. A declared
 * Content-Length over the limit is refused at once; a chunked body is counted while it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final HttpLimits limits;
  private final ObjectMapper json;

  BodySizeLimitFilter(HttpLimits limits, ObjectMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      refuse(response, limit);
      return;
    }
    if (chunkedFormTooLarge(request)) {
      refuse(response, limit);
      return;
    }
    try {
      chain.doFilter(new LimitedRequest(request, limit), response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (BodyTooLargeException.isCauseOf(e)) {
        refuse(response, limit);
      } else {
        throw e;
      }
    }
  }

  /**
   * A form body of unknown length is read by the servlet container, not through this filter; a
   * form over its limit (set to ours) would silently lose its fields and be answered with a
   * misleading 400. Reading the form here lets the container say so.
   */
  private static boolean chunkedFormTooLarge(HttpServletRequest request) {
    String type = request.getContentType();
    if (request.getContentLengthLong() >= 0 || type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    request.getParameterMap();
    Object reason = request.getAttribute("org.apache.catalina.parameter_parse_failed_reason");
    return reason != null && reason.toString().equals("POST_TOO_LARGE");
  }

  private long limitFor(HttpServletRequest request) {
    String type = request.getContentType();
    boolean upload = type != null && type.toLowerCase().startsWith("multipart/");
    return (upload ? limits.maxUploadSize() : limits.maxBodySize()).toBytes();
  }

  private void refuse(HttpServletResponse response, long limit) throws IOException {
    ErrorResponses.write(
        response,
        json,
        HttpStatus.PAYLOAD_TOO_LARGE,
        BodyTooLargeException.CODE,
        BodyTooLargeException.message(limit));
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
