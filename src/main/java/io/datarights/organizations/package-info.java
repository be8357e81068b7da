/** Tenants: organization creation by the platform admin, bootstrap on first start, the caller's org. */
package io.datarights.organizations;
