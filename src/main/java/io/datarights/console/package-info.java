/**
 * The privacy officers' web console: sign-in, the shared layout, navigation and error pages.
 * Pages are server-rendered Thymeleaf with htmx for live updates; each feature contributes its
 * own pages with {@link io.datarights.console.ConsolePage} controllers.
 */
package io.datarights.console;
