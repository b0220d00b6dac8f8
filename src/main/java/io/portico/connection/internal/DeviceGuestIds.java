package io.portico.connection.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.guest.MacAddress;
import io.portico.platform.Caches;

/**
 * Guest ids of devices accounting made guests (first seen), so their next packets skip the write's
 * guest look-up. Filled and read by {@link io.portico.connection.AccountingWriter}. A cached id can
 * only go stale when its guest is erased: a local erasure evicts it at once ({@link GuestErasure});
 * one on another instance makes the next write of that device fail its foreign key, which empties
 * this cache, and the RADIUS writer retries the batch with fresh ids.
 */
@Component
public class DeviceGuestIds {

    /** A device at a client. */
    private record Device(long clientId, MacAddress mac) {
    }

    private final Cache<Device, Long> ids = Caches.builder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    public @Nullable Long find(long clientId, MacAddress mac) {
        return ids.getIfPresent(new Device(clientId, mac));
    }

    public void put(long clientId, MacAddress mac, long guestId) {
        ids.put(new Device(clientId, mac), guestId);
    }

    /** The guest was erased here: its devices are looked up afresh. */
    public void forgetGuest(long guestId) {
        ids.asMap().values().removeIf(id -> id == guestId);
    }

    /** A write failed on a guest erased elsewhere: every device is looked up afresh. */
    public void forgetAll() {
        ids.invalidateAll();
    }
}
