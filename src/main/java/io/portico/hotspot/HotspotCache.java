package io.portico.hotspot;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;

import io.portico.platform.Caches;

/**
 * Hotspots by (operator, NAS-Identifier) and by id, remembered for a short time: RADIUS resolves
 * the hotspot of every Access-Request and accounting batch, and hotspots change rarely. Misses are
 * remembered too (an unknown NAS-Identifier is asked again and again). Portals (a hotspot with
 * its portal settings) likewise, by NAS-Identifier, UniFi site and hotspot id: every portal page
 * looks one up. {@link HotspotService}
 * evicts what it changes, at once and again after its transaction commits (so a reader between
 * the two cannot keep the old row); other nodes' changes show when the entry expires.
 */
final class HotspotCache {

    private record NasKey(long operatorId, String nasIdentifier) {
    }

    private static final long MAXIMUM_SIZE = 10_000;

    private final Cache<NasKey, Optional<Hotspot>> byNasIdentifier;
    private final Cache<Long, Optional<Hotspot>> byId;
    private final Cache<String, Optional<PortalHotspot>> portalByNas;
    private final Cache<String, Optional<PortalHotspot>> portalBySite;
    private final Cache<Long, Optional<PortalHotspot>> portalById;

    HotspotCache(Duration ttl, Ticker ticker) {
        this.byNasIdentifier = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
        this.byId = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
        this.portalByNas = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
        this.portalBySite = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
        this.portalById = Caches.builder().expireAfterWrite(ttl).maximumSize(MAXIMUM_SIZE).ticker(ticker).build();
    }

    Optional<PortalHotspot> portalByNasIdentifier(String nasIdentifier, Supplier<Optional<PortalHotspot>> load) {
        return portalByNas.get(nasIdentifier, k -> load.get());
    }

    Optional<PortalHotspot> portalByUnifiSite(String site, Supplier<Optional<PortalHotspot>> load) {
        return portalBySite.get(site, k -> load.get());
    }

    Optional<PortalHotspot> portalById(long hotspotId, Supplier<Optional<PortalHotspot>> load) {
        return portalById.get(hotspotId, k -> load.get());
    }

    Optional<Hotspot> byNasIdentifier(long operatorId, String nasIdentifier, Supplier<Optional<Hotspot>> load) {
        return byNasIdentifier.get(new NasKey(operatorId, nasIdentifier), k -> load.get());
    }

    Optional<Hotspot> byId(long hotspotId, Supplier<Optional<Hotspot>> load) {
        return byId.get(hotspotId, k -> load.get());
    }

    /** Forgets the hotspot under its id and the given NAS-Identifiers (old and new), now and after the current transaction. */
    void evict(long operatorId, long hotspotId, String... nasIdentifiers) {
        afterTransaction(() -> {
            byId.invalidate(hotspotId);
            for (String nasIdentifier : nasIdentifiers) {
                byNasIdentifier.invalidate(new NasKey(operatorId, nasIdentifier));
            }
            forgetPortals();
        });
    }

    /** Forgets every portal (settings change rarely; a portal is reachable under several keys), now and after the current transaction. */
    void evictPortals() {
        afterTransaction(this::forgetPortals);
    }

    private void forgetPortals() {
        portalByNas.invalidateAll();
        portalBySite.invalidateAll();
        portalById.invalidateAll();
    }

    private static void afterTransaction(Runnable evict) {
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }
}
