package io.datarights.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import io.datarights.security.PublicPaths;
import io.datarights.shared.ErrorResponses;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Open to all: obtaining a token, its public keys, health, metrics and the API docs. */
  static final String[] PUBLIC_PATHS = {
    "/oauth/token", "/oauth/jwks", "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
    "/api/v2/docs", "/api/v2/docs/**", "/api/v2/swagger-ui/**", "/error"
  };

  @Bean
  @ConditionalOnWebApplication
  SecurityFilterChain api(
      HttpSecurity http, CallerAuthenticationConverter converter, ObjectMapper json, List<PublicPaths> featurePaths)
      throws Exception {
    String[] selfAuthenticated = featurePaths.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(PUBLIC_PATHS).permitAll()
                    .requestMatchers(selfAuthenticated).permitAll()
                    .anyRequest().authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint((request, response, e) -> unauthorized(response, json, e))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            ErrorResponses.write(
                                response, json, HttpStatus.FORBIDDEN, "missing.permissions",
                                "Unable to perform the requested action.")))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint((request, response, e) -> unauthorized(response, json, e)));
    return http.build();
  }

  private static void unauthorized(
      jakarta.servlet.http.HttpServletResponse response, ObjectMapper json, AuthenticationException e)
      throws java.io.IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    if (e instanceof OAuth2AuthenticationException) {
      ErrorResponses.write(
          response, json, HttpStatus.UNAUTHORIZED, "bad.credentials",
          "The bearer token is invalid or has expired.");
    } else {
      ErrorResponses.write(
          response, json, HttpStatus.UNAUTHORIZED, "authentication.required",
          "No authentication bearer token specified in authorization header.");
    }
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.current())));
  }

  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, Clock clock) throws Exception {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(keys.current().toRSAPublicKey())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
    expiry.setClock(clock);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(List.of(expiry, new JwtIssuerValidator(Tokens.ISSUER))));
    return decoder;
  }
}
