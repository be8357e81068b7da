package io.datarights.console.internal;

import io.datarights.security.ConsolePaths;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; the security filter chain checks what it posts. */
@Controller
class SignInController {

  @GetMapping(ConsolePaths.SIGN_IN)
  String signIn() {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    boolean signedIn = current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    return signedIn ? "redirect:" + ConsolePaths.ROOT : "console/sign-in";
  }

  @GetMapping(ConsolePaths.ROOT)
  String home() {
    return "redirect:/console/dashboard";
  }
}
