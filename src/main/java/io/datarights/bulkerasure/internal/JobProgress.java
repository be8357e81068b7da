package io.datarights.bulkerasure.internal;

import java.util.List;

/** How far a bulk erasure has come, chunk by chunk and service by service. */
record JobProgress(int chunks, int chunksErased, int chunksVerified, int steps, int stepsDone, long subjectsErased, List<Service> services) {

  /** One service's part over all chunks. */
  record Service(
      String name, int steps, int done, int running, int failed, long matched, long deleted, long anonymized, long retained,
      List<String> reasons, String error) {

    String status() {
      if (failed > 0) {
        return "ERROR";
      }
      if (done == steps) {
        return "DONE";
      }
      return running > 0 || done > 0 ? "RUNNING" : "PENDING";
    }
  }
}
