/**
 * The identifier index: every personal identifier of every service, normalized once on write into
 * one indexed table, so that a subject search is an index lookup and never a scan.
 */
package io.datarights.identifiers;
