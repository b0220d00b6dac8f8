package io.portico.radius;

/**
 * Port to the subscription domain: decides Access-Requests from NAS clients linked to a venue's
 * gateway (equipment). The adapter {@code internal.VenueResidentAuthorizer} implements it on the
 * equipment and subscription modules' services: a device of a subscriber with an active
 * subscription on a unit gets the unit's {@link Vlan} and the plan's {@link Speed}.
 */
public interface ResidentAuthorizer {

    AccessDecision authorize(long equipmentId, AccessAttempt attempt);
}
