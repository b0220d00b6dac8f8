package io.portico.hotspot;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.hotspot.internal.UniFiClient;
import io.portico.hotspot.persistence.HotspotRepository;
import io.portico.hotspot.persistence.PortalRepository;
import io.portico.hotspot.persistence.PortalRepository.PortalRow;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.SecretBox;
import io.portico.platform.Slice;
import io.portico.tenant.TenantService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Entry point of the hotspot module: adds, changes and reads hotspots. Called by the console's
 * hotspot routes, the guest API's hotspot list, the demo data and the connection module (which
 * resolves an accounting packet's NAS-Identifier here). Also owns each hotspot's captive portal
 * settings ({@link PortalSettings}, sealed gateway secrets), which the portal pages and the guest
 * module's sign-in read.
 */
@Service
public class HotspotService {

    private final HotspotRepository repository;
    private final TenantService tenants;
    private final VenueService venues;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HotspotCache cache;
    private final PortalRepository portals;
    private final SecretBox box;
    private final UniFiClient unifi;

    HotspotService(HotspotRepository repository, TenantService tenants, VenueService venues,
                   ApplicationEventPublisher events, Clock clock, HotspotProperties properties,
                   PortalRepository portals, SecretBox box, UniFiClient unifi) {
        this.repository = repository;
        this.unifi = unifi;
        this.portals = portals;
        this.box = box;
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
        if (portals.find(hotspotId).isPresent() && portals.hotspotIdsByNasIdentifier(request.nasIdentifier()).stream()
                .anyMatch(id -> id != hotspotId)) {
            throw PorticoException.conflict("Another hotspot's portal already answers under NAS-Identifier "
                    + request.nasIdentifier() + ".");
        }
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
    /** A page (zero-based) of the client's hotspots by name, read in SQL (the dashboard's list). */
    public Slice<Hotspot> page(Actor actor, long clientId, int page, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        tenants.findClient(actor.operatorId(), clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + clientId + "."));
        return Slice.of(repository.page(actor.operatorId(), clientId, Slice.offset(page, size), size + 1), size);
    }

    /** At most {@code limit} of the operator's hotspots (all clients) whose name starts with {@code namePrefix}, by name. */
    public List<Hotspot> named(Actor actor, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.named(actor.operatorId(), Slice.prefix(namePrefix), limit);
    }

    /** At most {@code limit} of the client's hotspots whose name starts with {@code namePrefix}, by name (a bounded menu). */
    public List<Hotspot> named(Actor actor, long clientId, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.named(actor.operatorId(), clientId, Slice.prefix(namePrefix), limit);
    }

    /** How many hotspots the operator has (all clients). */
    public long count(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.count(actor.operatorId());
    }

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

    // ---- captive portal ----

    /**
     * The hotspot whose portal {@code /portal/{nasIdentifier}} serves: the portal pages call it on
     * every hand-over. Empty when no hotspot with that NAS-Identifier has a portal (or, since
     * NAS-Identifiers are unique only within an operator, when two operators' portals share it,
     * which {@link #configurePortal} refuses).
     */
    public Optional<PortalHotspot> findPortal(String nasIdentifier) {
        return cache.portalByNasIdentifier(nasIdentifier, () -> single(portals.hotspotIdsByNasIdentifier(nasIdentifier)));
    }

    /** The hotspot whose UniFi portal serves {@code /guest/s/{site}/}; empty when none (or ambiguous). */
    public Optional<PortalHotspot> findPortalByUnifiSite(String site) {
        return cache.portalByUnifiSite(site, () -> single(portals.hotspotIdsByUnifiSite(site)));
    }

    /** A hotspot's portal by id: what the guest module's sign-in reads (methods, free plans, fields). */
    public Optional<PortalHotspot> findPortal(long hotspotId) {
        return cache.portalById(hotspotId, () -> portals.find(hotspotId).flatMap(row -> repository.find(hotspotId)
                .map(hotspot -> new PortalHotspot(hotspot, row.settings()))));
    }

    /**
     * The CoovaChilli UAM secret of the hotspot in clear, for the portal's {@code md} check and
     * CHAP response; never log or show it. Empty when the hotspot has no portal or no secret.
     */
    public Optional<String> uamSecret(long hotspotId) {
        return portals.find(hotspotId).map(PortalRow::uamSecretSealed).map(box::open);
    }

    /**
     * The UniFi controller of the hotspot with its secrets in clear, for the UniFi client; empty
     * when the hotspot has no UniFi portal with a controller.
     */
    public Optional<UniFiController> unifiController(long hotspotId) {
        return portals.find(hotspotId).filter(row -> row.unifiControllerUrl() != null).map(row -> new UniFiController(
                java.net.URI.create(row.unifiControllerUrl()), Optional.ofNullable(row.unifiUsername()),
                Optional.ofNullable(row.unifiPasswordSealed()).map(box::open),
                Optional.ofNullable(row.unifiApiKeySealed()).map(box::open),
                Optional.ofNullable(row.unifiIntegrationSite())));
    }

    /**
     * Lets a guest device on at a UniFi hotspot after its portal sign-in: asks the hotspot's
     * controller server-to-server (see {@link UniFiController} for which API). Called by the portal
     * outside any transaction, since it waits on the controller. 404 when the hotspot has no UniFi
     * portal; 503 with a message for the guest when the controller refuses or does not answer.
     */
    public void authorizeUniFiGuest(long hotspotId, UniFiGuestAccess access) {
        PortalHotspot portal = findPortal(hotspotId).filter(p -> p.settings().gatewayKind() == GatewayKind.UNIFI)
                .orElseThrow(() -> PorticoException.notFound("This hotspot has no UniFi sign-in page."));
        UniFiController controller = unifiController(hotspotId)
                .orElseThrow(() -> PorticoException.notFound("This hotspot has no UniFi controller."));
        unifi.authorizeGuest(hotspotId, controller, portal.settings().unifiSite().orElseThrow(), access);
    }

    /** The console's view of a hotspot's portal, secrets masked; empty when none is configured. */
    public Optional<PortalDetails> portalDetails(Actor actor, long hotspotId) {
        actor.require(Permission.READ_CONFIGURATION);
        requireOwn(actor, hotspotId);
        return portals.find(hotspotId).map(row -> new PortalDetails(hotspotId, row.settings(), masked(row.uamSecretSealed()),
                Optional.ofNullable(row.unifiControllerUrl()), Optional.ofNullable(row.unifiUsername()),
                masked(row.unifiPasswordSealed()), masked(row.unifiApiKeySealed()),
                Optional.ofNullable(row.unifiIntegrationSite())));
    }

    /**
     * Sets a hotspot's captive portal (console). Secrets left empty keep the stored ones; a
     * CoovaChilli portal needs a UAM secret and a UniFi portal a controller (given now or stored).
     * The portal's NAS-Identifier and UniFi site must not be another hotspot's portal's. Callers
     * check the free plans are the client's guest plans (the guest module's
     * {@code GuestPortalService.configurePortal} does, then calls this).
     */
    @Transactional
    public PortalDetails configurePortal(Actor actor, long hotspotId, PortalConfiguration configuration) {
        actor.require(Permission.MANAGE_VENUES);
        Hotspot hotspot = requireOwn(actor, hotspotId);
        PortalSettings settings = configuration.settings();
        if (portals.hotspotIdsByNasIdentifier(hotspot.nasIdentifier()).stream().anyMatch(id -> id != hotspotId)) {
            throw PorticoException.conflict("Another hotspot's portal already answers under NAS-Identifier "
                    + hotspot.nasIdentifier() + "; rename this hotspot's NAS-Identifier first.");
        }
        if (settings.unifiSite().isPresent() && portals.hotspotIdsByUnifiSite(settings.unifiSite().get()).stream()
                .anyMatch(id -> id != hotspotId)) {
            throw PorticoException.conflict("Another hotspot's portal already uses UniFi site " + settings.unifiSite().get() + ".");
        }
        Optional<PortalRow> stored = portals.find(hotspotId);
        String uamSecret = configuration.uamSecret().map(box::seal)
                .orElseGet(() -> settings.gatewayKind() == GatewayKind.COOVACHILLI
                        ? stored.map(PortalRow::uamSecretSealed).orElse(null) : null);
        if (settings.gatewayKind() == GatewayKind.COOVACHILLI && uamSecret == null) {
            throw PorticoException.invalid("uamSecret", "{uamSecret}: a CoovaChilli portal needs the gateway's UAM secret.");
        }
        PortalRow row;
        if (settings.gatewayKind() != GatewayKind.UNIFI) {
            row = new PortalRow(hotspotId, settings, uamSecret, null, null, null, null, null);
        } else if (configuration.unifiController().isPresent()) {
            UniFiController c = configuration.unifiController().get();
            row = new PortalRow(hotspotId, settings, null, c.url().toString(), c.username().orElse(null),
                    c.password().map(box::seal).orElse(null), c.apiKey().map(box::seal).orElse(null),
                    c.integrationSiteId().orElse(null));
        } else {
            PortalRow old = stored.filter(r -> r.unifiControllerUrl() != null).orElseThrow(() -> PorticoException.invalid(
                    "unifiControllerUrl", "{unifiControllerUrl}: a UniFi portal needs the controller's URL and credentials."));
            row = new PortalRow(hotspotId, settings, null, old.unifiControllerUrl(), old.unifiUsername(),
                    old.unifiPasswordSealed(), old.unifiApiKeySealed(), old.unifiIntegrationSite());
        }
        portals.save(row, clock.instant());
        cache.evictPortals();
        events.publishEvent(AdministratorActed.by(actor, "/hotspots/configurePortal", Map.of("message",
                "Captive portal of hotspot " + hotspotId + " set: " + settings.gatewayKind() + ", " + settings.methods() + "."),
                clock.instant()));
        return portalDetails(actor, hotspotId).orElseThrow();
    }

    private Hotspot requireOwn(Actor actor, long hotspotId) {
        return find(actor.operatorId(), hotspotId)
                .orElseThrow(() -> PorticoException.notFound("Unknown hotspot " + hotspotId + "."));
    }

    private Optional<String> masked(@org.jspecify.annotations.Nullable String sealed) {
        return Optional.ofNullable(sealed).map(box::open).map(SecretBox::mask);
    }

    private Optional<PortalHotspot> single(List<Long> hotspotIds) {
        return hotspotIds.size() == 1 ? portals.find(hotspotIds.getFirst()).flatMap(row -> repository.find(row.hotspotId())
                .map(hotspot -> new PortalHotspot(hotspot, row.settings()))) : Optional.empty();
    }
}
