/** Types every feature shares: tenant ids, the Genesys error body, listings and web plumbing. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.datarights.shared;
