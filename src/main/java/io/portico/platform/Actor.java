package io.portico.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * An authenticated operator administrator, handed by the console facade to every service call
 * that reads or changes operator data. Services scope queries by {@link #operatorId()} and
 * check {@link #require(Permission)} before they act.
 */
public record Actor(long operatorId, long administratorId, String email, String displayName,
                    Set<Role> roles, RequestOrigin origin) {

    public Actor {
        if (operatorId <= 0 || administratorId <= 0) {
            throw new IllegalArgumentException("actor ids must be positive");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean can(Permission permission) {
        return roles.stream().anyMatch(r -> r.grants(permission));
    }

    /** Throws 403 unless one of the actor's roles grants the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw PorticoException.forbidden("Your role does not allow this action ("
                    + permission.name().toLowerCase().replace('_', ' ') + ").");
        }
    }

    /** The operator log's "Administrator" text: {@code Name (email)}. */
    public String label() {
        return displayName.isBlank() ? email : displayName + " (" + email + ")";
    }
}
