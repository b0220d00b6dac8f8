package io.portico.connection.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.portico.connection.persistence.ConnectionRepository;
import io.portico.connection.persistence.HourRollupRepository;
import io.portico.connection.persistence.RollupRepository;
import io.portico.guest.GuestErased;
import io.portico.guest.MacAddress;

/**
 * Anonymises an erased guest's sessions: they keep their times and counters for the operator's
 * totals but lose the guest and get a random MAC. Listens synchronously, inside the guest module's
 * erasure transaction, so the erasure and the anonymisation commit together.
 */
@Component
class GuestErasure {

    private final ConnectionRepository repository;
    private final RollupRepository rollups;
    private final HourRollupRepository hours;
    private final DeviceGuestIds guestIds;
    private final SecureRandom random = new SecureRandom();

    GuestErasure(ConnectionRepository repository, RollupRepository rollups, HourRollupRepository hours, DeviceGuestIds guestIds) {
        this.repository = repository;
        this.rollups = rollups;
        this.hours = hours;
        this.guestIds = guestIds;
    }

    @EventListener
    void on(GuestErased erased) {
        guestIds.forgetGuest(erased.guestId());
        byte[] mac = new byte[6];
        random.nextBytes(mac);
        mac[0] = (byte) ((mac[0] & 0xFC) | 0x02); // locally administered, unicast: never a real device's
        String hex = HexFormat.of().withUpperCase().formatHex(mac);
        // The new MAC can change distinct devices (and the sketches): those days and hours are counted from the
        // sessions until rolled up again.
        rollups.firstStartOf(erased.clientId(), erased.guestId()).ifPresent(first -> {
            rollups.forgetFrom(LocalDate.ofInstant(first, ZoneOffset.UTC).minusDays(1));
            hours.forgetFrom(first.truncatedTo(ChronoUnit.HOURS));
        });
        repository.anonymise(erased.clientId(), erased.guestId(), MacAddress.parse(hex).value());
    }
}
