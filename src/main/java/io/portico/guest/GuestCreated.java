package io.portico.guest;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.portico.tenant.Client;

/**
 * A guest was created (console, captive portal sign-in, first voucher use). Published in the
 * creating transaction; the webhook module sends GuestCreated.
 */
public record GuestCreated(Client client, long guestId, UUID token, String macAddress, @Nullable String email,
                           @Nullable String firstName, @Nullable String lastName, Instant createdAt) {

    static GuestCreated of(Guest g, Client client) {
        return new GuestCreated(client, g.id(), g.token(), g.macAddress().toString(), g.profile().email(),
                g.profile().firstName(), g.profile().lastName(), g.createdAt());
    }
}
