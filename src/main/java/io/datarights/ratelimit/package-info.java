/**
 * Token-bucket rate limits per org and per client (Bucket4j), with the bucket state in PostgreSQL
 * so that every node of a cluster draws from the same buckets.
 */
package io.datarights.ratelimit;
