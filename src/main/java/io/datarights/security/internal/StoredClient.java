package io.datarights.security.internal;

import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.List;

record StoredClient(
    OrgId orgId, String clientId, String name, String secretHash, List<String> permissions, Instant createdAt) {}
