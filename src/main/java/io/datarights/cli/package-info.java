/**
 * The command line of the same jar: {@code java -jar datarights.jar <command>}. Commands that work
 * on the database directly start the application without its web server and scheduler.
 */
package io.datarights.cli;
