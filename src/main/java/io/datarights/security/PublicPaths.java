package io.datarights.security;

import java.util.List;

/**
 * Paths a feature serves without a bearer token because it authenticates them itself (e.g. signed
 * download links). Declare one as a bean; the security configuration opens every declared path.
 */
public record PublicPaths(List<String> patterns) {}
