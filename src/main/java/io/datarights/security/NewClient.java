package io.datarights.security;

import java.util.List;

/** A client just created, with its secret in clear: shown once, stored only as a hash. */
public record NewClient(String id, String name, String secret, List<String> permissions) {}
