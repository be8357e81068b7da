package io.datarights.support;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that fails the way a bug would, with internals in the exception. */
@Hidden // not part of the API: the OpenAPI document describes only real endpoints
@RestController
public class FailingEndpoint {

  @GetMapping("/api/v2/test/failure")
  String fail() {
    throw new IllegalStateException("ERROR: relation \"secret_table\" does not exist; select * from secret_table");
  }
}
