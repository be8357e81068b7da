/**
 * OAuth2 client credentials, signed JWT bearer tokens, permissions and the calling tenant. Other
 * features declare what they need with {@link io.datarights.security.RequiresPermission} and take
 * the {@link io.datarights.security.Caller} as a controller argument.
 */
package io.datarights.security;
