package io.portico.radius;

import java.time.Instant;

import io.portico.guest.MacAddress;

/**
 * A device seen on one of a resident's subscriptions ("My devices", and staff's listDevices):
 * the name the resident gave it (empty when none), when it was last let in or reported, whether a
 * session of it is open now (not stopped, not stale), and the bytes it moved under the subscription.
 */
public record ResidentDevice(MacAddress device, String name, long subscriptionId, Instant lastSeen, boolean online, long bytesUsed) {
}
