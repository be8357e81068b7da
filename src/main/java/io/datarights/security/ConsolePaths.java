package io.datarights.security;

/** Where the privacy officers' web console lives; its pages use a signed-in session, not a bearer token. */
public final class ConsolePaths {

  public static final String ROOT = "/console";
  public static final String SIGN_IN = "/console/sign-in";
  public static final String SIGN_OUT = "/console/sign-out";
  /** The console's own stylesheet and script, and the htmx webjar. */
  public static final String ASSETS = "/console-assets/**";
  public static final String WEBJARS = "/webjars/**";

  private ConsolePaths() {}
}
