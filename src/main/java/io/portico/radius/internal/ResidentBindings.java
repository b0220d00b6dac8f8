package io.portico.radius.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.guest.MacAddress;
import io.portico.platform.Caches;
import io.portico.radius.persistence.ResidentDeviceRepository;

/**
 * Writes which subscription let a device in at a NAS ({@code radius_resident_device}), the
 * binding MAC authentication and the end-of-subscription disconnects read. A new or changed
 * binding (a key sent as password, a handshake with another key) is written at once. A device
 * asking again under the binding it already has (MAC authentication, a handshake with the bound
 * key) only moves the row's {@code authorised_at} forward, so that write is skipped while this node
 * wrote the same binding for that NAS less than {@link #REFRESH} ago: otherwise every MAC
 * authentication would wait for a commit (a WAL flush). {@code authorised_at} is then at most
 * {@link #REFRESH} old ("My devices" shows the later of it and accounting's last report).
 */
@Component
class ResidentBindings {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private record Key(long nasClientId, MacAddress device) {
    }

    private record Written(long operatorId, long subscriptionId, long unitId) {
    }

    private final ResidentDeviceRepository devices;
    private final Clock clock;
    private final Cache<Key, Written> written = Caches.builder().maximumSize(200_000).expireAfterWrite(REFRESH).build();

    ResidentBindings(ResidentDeviceRepository devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** Binds the device to the subscription at the NAS; {@code alreadyBound}: it is the device's latest binding, a refresh. */
    void remember(long nasClientId, MacAddress device, long operatorId, long subscriptionId, long unitId, boolean alreadyBound) {
        Key key = new Key(nasClientId, device);
        Written binding = new Written(operatorId, subscriptionId, unitId);
        if (alreadyBound && binding.equals(written.getIfPresent(key))) {
            return;
        }
        devices.remember(nasClientId, device, operatorId, subscriptionId, unitId, clock.instant());
        written.put(key, binding);
    }
}
