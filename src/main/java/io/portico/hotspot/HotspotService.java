package io.portico.hotspot;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.hotspot.persistence.HotspotRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.tenant.TenantService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Entry point of the hotspot module: adds, changes and reads hotspots. Called by the console's
 * hotspot routes, the guest API's hotspot list, the demo data and the connection module (which
 * resolves an accounting packet's NAS-Identifier here).
 */
@Service
public class HotspotService {

    private final HotspotRepository repository;
    private final TenantService tenants;
    private final VenueService venues;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HotspotCache cache;

    HotspotService(HotspotRepository repository, TenantService tenants, VenueService venues,
                   ApplicationEventPublisher events, Clock clock, HotspotProperties properties) {
        this.repository = repository;
        this.tenants = tenants;
        this.venues = venues;
        this.events = events;
        this.clock = clock;
        this.cache = new HotspotCache(properties.cacheTtl(), Ticker.systemTicker());
    }

    @Transactional
    public Hotspot add(Actor actor, NewHotspot request) {
        actor.require(Permission.MANAGE_VENUES);
        Hotspot hotspot = add(actor.operatorId(), request);
        events.publishEvent(AdministratorActed.by(actor, "/hotspots/addHotspot", Map.of("message",
                "Hotspot added: " + hotspot.name() + " (NAS-Identifier " + hotspot.nasIdentifier() + ")."), clock.instant()));
        return hotspot;
    }

    /** Adds a hotspot without an acting administrator (demo data, tests). */
    @Transactional
    public Hotspot add(long operatorId, NewHotspot request) {
        checkPlacement(operatorId, request);
        if (repository.findByNasIdentifier(operatorId, request.nasIdentifier()).isPresent()) {
            throw PorticoException.conflict("NAS-Identifier " + request.nasIdentifier() + " is already used by another hotspot.");
        }
        Hotspot added = repository.insert(new Hotspot(0, operatorId, request.clientId(), request.venueId(), request.name(),
                request.nasIdentifier(), clock.instant()));
        cache.evict(operatorId, added.id(), added.nasIdentifier());
        return added;
    }

    /** Renames a hotspot, moves it to another venue of its client, or changes its NAS-Identifier. */
    @Transactional
    public Hotspot update(Actor actor, long hotspotId, NewHotspot request) {
        actor.require(Permission.MANAGE_VENUES);
        // read past the cache: the row is about to be written back
        Hotspot existing = repository.find(hotspotId).filter(h -> h.operatorId() == actor.operatorId())
                .orElseThrow(() -> PorticoException.notFound("Unknown hotspot " + hotspotId + "."));
        if (existing.clientId() != request.clientId()) {
            throw PorticoException.invalid("clientId", "A hotspot cannot move to another client.");
        }
        checkPlacement(actor.operatorId(), request);
        repository.findByNasIdentifier(actor.operatorId(), request.nasIdentifier())
                .filter(other -> other.id() != hotspotId)
                .ifPresent(other -> {
                    throw PorticoException.conflict("NAS-Identifier " + request.nasIdentifier() + " is already used by another hotspot.");
                });
        Hotspot updated = new Hotspot(hotspotId, existing.operatorId(), existing.clientId(), request.venueId(),
                request.name(), request.nasIdentifier(), existing.createdAt());
        repository.update(updated);
        cache.evict(existing.operatorId(), hotspotId, existing.nasIdentifier(), updated.nasIdentifier());
        events.publishEvent(AdministratorActed.by(actor, "/hotspots/updateHotspot", Map.of("message",
                "Hotspot " + hotspotId + " updated: " + updated.name() + " (NAS-Identifier " + updated.nasIdentifier() + ")."),
                clock.instant()));
        return updated;
    }

    private void checkPlacement(long operatorId, NewHotspot request) {
        tenants.findClient(operatorId, request.clientId())
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + request.clientId() + "."));
        Venue venue = venues.find(operatorId, request.venueId())
                .orElseThrow(() -> PorticoException.notFound("Unknown venue " + request.venueId() + "."));
        if (venue.clientId() != request.clientId()) {
            throw PorticoException.invalid("venueId", "Venue " + venue.key() + " belongs to another client.");
        }
    }

    public List<Hotspot> list(Actor actor, long clientId) {
        actor.require(Permission.READ_CONFIGURATION);
        tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
        return repository.listByClient(clientId);
    }

    /** The client's hotspots sorted by name (then id), for callers already scoped to the client. */
    public List<Hotspot> listByClient(long clientId) {
        return repository.listByClient(clientId);
    }

    /**
     * A hotspot of the operator; empty for unknown ids and other operators' hotspots. Served from
     * memory for up to {@code portico.hotspot.cache-ttl} (see {@link HotspotCache}).
     */
    public Optional<Hotspot> find(long operatorId, long hotspotId) {
        return cache.byId(hotspotId, () -> repository.find(hotspotId)).filter(h -> h.operatorId() == operatorId);
    }

    /**
     * The hotspot a gateway names in NAS-Identifier, within the operator the NAS belongs to; asked
     * by RADIUS for every Access-Request, so served from memory for up to
     * {@code portico.hotspot.cache-ttl} (see {@link HotspotCache}).
     */
    public Optional<Hotspot> findByNasIdentifier(long operatorId, String nasIdentifier) {
        return cache.byNasIdentifier(operatorId, nasIdentifier, () -> repository.findByNasIdentifier(operatorId, nasIdentifier));
    }
}
