package io.datarights.security.internal;

import io.datarights.security.ClientAuthenticationLimits;
import io.datarights.security.ConsolePaths;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The console's filter chain, ahead of the API's: sign in with an org client's id and secret, then
 * a session cookie (HttpOnly, SameSite=Lax) and CSRF tokens on every form and htmx call. Scripts,
 * styles and images only from this server: the console loads nothing from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  @Bean
  @Order(1)
  @ConditionalOnWebApplication
  SecurityFilterChain console(
      HttpSecurity http, ClientService clients, ClientRepository repository, ClientAuthenticationLimits limits,
      ApplicationEventPublisher events)
      throws Exception {
    http.securityMatcher(ConsolePaths.ROOT, ConsolePaths.ROOT + "/**", ConsolePaths.ASSETS, ConsolePaths.WEBJARS)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(ConsolePaths.SIGN_IN, ConsolePaths.ASSETS, ConsolePaths.WEBJARS).permitAll()
                    .anyRequest().authenticated())
        .authenticationProvider(new ConsoleSignIn(clients, limits, events))
        .addFilterAfter(new DeletedClientSessions(repository), SecurityContextHolderFilter.class)
        .formLogin(
            form ->
                form.loginPage(ConsolePaths.SIGN_IN)
                    .usernameParameter("clientId")
                    .passwordParameter("clientSecret")
                    .defaultSuccessUrl(ConsolePaths.ROOT, true)
                    .failureHandler(
                        (request, response, e) ->
                            new DefaultRedirectStrategy().sendRedirect(
                                request, response,
                                ConsolePaths.SIGN_IN + (e instanceof ConsoleSignIn.Throttled ? "?throttled" : "?error"))))
        .logout(logout -> logout.logoutUrl(ConsolePaths.SIGN_OUT).logoutSuccessUrl(ConsolePaths.SIGN_IN + "?signedOut"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
