package io.datarights.console.internal;

import io.datarights.console.ConsolePage;
import io.datarights.shared.ApiException;
import io.datarights.shared.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of console pages as a page of the console. Ahead of the API's error handler, which
 * would answer with JSON. Messages of {@link ApiException}s are written for people; anything else
 * shows only the reference an operator finds in the log.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ConsoleErrorPages.class);

  @ExceptionHandler(ApiException.class)
  ModelAndView api(ApiException e) {
    return page(e.status(), e.getMessage());
  }

  /** A query parameter that is not a number where one is expected, and the like. */
  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ModelAndView badParameter(Exception e) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : ((MissingServletRequestParameterException) e).getParameterName();
    return page(HttpStatus.BAD_REQUEST, "The value of " + name + " is missing or not valid.");
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e) {
    log.error("Console page failed", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing you did caused it.");
  }

  private static ModelAndView page(HttpStatus status, String message) {
    ModelAndView page = new ModelAndView("console/error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("reason", status.getReasonPhrase());
    page.addObject("message", message);
    page.addObject("reference", RequestContext.currentId());
    return page;
  }
}
