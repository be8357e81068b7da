/**
 * Where the data lives: an external PostgreSQL when {@code DATARIGHTS_DB_URL} is set, otherwise an
 * embedded PostgreSQL whose files stay in the data directory across restarts.
 */
package io.datarights.database;
