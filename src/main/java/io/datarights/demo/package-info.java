/** The demo organization loaded by {@code DATARIGHTS_DEMO=true} or {@code --demo}. */
package io.datarights.demo;
