package io.portico.guest;

import java.time.Instant;
import java.util.UUID;

/**
 * One device of a client's hotspots. {@code id} is the guest API's stable integer id (Zapier
 * de-duplicates by it); {@code token} the guest token other systems link to.
 */
public record Guest(long id, long clientId, UUID token, MacAddress macAddress, GuestProfile profile,
                    boolean unsubscribed, Instant createdAt, Instant updatedAt) {
}
