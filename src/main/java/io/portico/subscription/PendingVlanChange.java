package io.portico.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A VLAN a venue's gateways still have to enable (a started, unended subscription whose VLAN is
 * not confirmed enabled) or disable (every subscription on the unit ended, VLAN still enabled).
 */
public record PendingVlanChange(long subscriptionId, long venueId, String venueKey, long unitId, String unitKey, int vlan,
                                String subscriberEmail, Instant startsAt, @Nullable Instant endsAt) {
}
