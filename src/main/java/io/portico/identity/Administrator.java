package io.portico.identity;

import java.time.Instant;
import java.util.Set;

import io.portico.platform.Role;

/** An operator staff member as listed by the console (never with the password hash). */
public record Administrator(long id, long operatorId, String email, String displayName, Set<Role> roles,
                            boolean disabled, Instant createdAt) {

    public Administrator {
        roles = Set.copyOf(roles);
    }
}
