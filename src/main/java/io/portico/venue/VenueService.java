package io.portico.venue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.tenant.Client;
import io.portico.tenant.Keys;
import io.portico.tenant.TenantService;
import io.portico.venue.persistence.VenueRepository;

/**
 * Entry point of the venue module: adds and reads venues. Called by the console facade, the
 * demo data, and modules that place things at venues (hotspots, units, equipment).
 */
@Service
public class VenueService {

    private final VenueRepository repository;
    private final TenantService tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VenueService(VenueRepository repository, TenantService tenants, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Venue add(Actor actor, NewVenue request) {
        actor.require(Permission.MANAGE_VENUES);
        Venue venue = add(actor.operatorId(), request);
        events.publishEvent(AdministratorActed.by(actor, "/venues/addVenue",
                Map.of("message", "Venue added: " + venue.key() + ". "), clock.instant()).at(venue.key(), ""));
        return venue;
    }

    /** Adds a venue without an acting administrator (demo data, tests). */
    @Transactional
    public Venue add(long operatorId, NewVenue request) {
        Client client = tenants.findClient(operatorId, request.clientId())
                .orElseThrow(() -> PorticoException.notFound("Unknown client " + request.clientId() + "."));
        String key = venueKey(client, request.name(), request.address());
        if (repository.findByKey(operatorId, key).isPresent()) {
            throw PorticoException.conflict("Venue " + key + " already exists.");
        }
        return repository.insert(new Venue(0, operatorId, client.id(), key, request.name(), request.address(),
                request.timeZone(), request.externalVenueId(), clock.instant()));
    }

    /**
     * Changes a venue's name, address, time zone and external ID. Its VenueID stays as it was:
     * units, equipment and integrations refer to it.
     */
    @Transactional
    public Venue update(Actor actor, String venueKey, String name, Address address, java.time.ZoneId timeZone,
                        String externalVenueId) {
        actor.require(Permission.MANAGE_VENUES);
        Venue current = repository.findByKey(actor.operatorId(), venueKey)
                .orElseThrow(() -> PorticoException.notFound("Unknown {venueId} " + venueKey + "."));
        NewVenue checked = new NewVenue(current.clientId(), name, address, timeZone, externalVenueId);
        Venue updated = new Venue(current.id(), current.operatorId(), current.clientId(), current.key(), checked.name(),
                checked.address(), checked.timeZone(), checked.externalVenueId(), current.createdAt());
        repository.update(updated);
        events.publishEvent(AdministratorActed.by(actor, "/venues/updateVenue",
                Map.of("message", "Venue updated: " + venueKey + ". "), clock.instant()).at(venueKey, ""));
        return updated;
    }

    /** The console's VenueID scheme: {@code <client key>._V3VENUE.<Country>.<State>.<PostalCode>.<Name>.<City>}. */
    static String venueKey(Client client, String name, Address a) {
        return client.key() + "._V3VENUE." + String.join(".", Keys.part(a.country()), Keys.part(a.state()),
                Keys.part(a.postalCode()), Keys.part(name), Keys.part(a.city()));
    }

    public List<Venue> list(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.list(actor.operatorId());
    }

    /**
     * A page of the operator's venues by name, after the venue {@code afterKey} (the dashboard's
     * Buildings list: read in SQL, so an operator's thousands of venues are never all loaded).
     */
    public Slice<Venue> page(Actor actor, Optional<String> afterKey, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        return Slice.of(repository.page(actor.operatorId(), afterKey, size + 1), size);
    }

    /** At most {@code limit} of the operator's venues whose name starts with {@code namePrefix} (case-insensitive), by name. */
    public List<Venue> named(Actor actor, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.named(actor.operatorId(), Slice.prefix(namePrefix), limit);
    }

    /** At most {@code limit} of the client's venues whose name starts with {@code namePrefix} (case-insensitive), by name. */
    public List<Venue> named(Actor actor, long clientId, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.named(actor.operatorId(), clientId, Slice.prefix(namePrefix), limit);
    }

    /** The operator's venues with these ids, by id (a page's rows naming their venues; other operators' are left out). */
    public java.util.Map<Long, Venue> byIds(long operatorId, java.util.Collection<Long> venueIds) {
        java.util.Map<Long, Venue> byId = new java.util.HashMap<>();
        repository.findAll(operatorId, java.util.Set.copyOf(venueIds)).forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    /** The time zone most of the operator's venues share; empty when it has none. */
    public Optional<java.time.ZoneId> commonestZone(long operatorId) {
        return repository.commonestZone(operatorId).map(java.time.ZoneId::of);
    }

    /** How many venues the operator has. */
    public long count(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.count(actor.operatorId());
    }

    public List<Venue> listByOperator(long operatorId) {
        return repository.list(operatorId);
    }

    public List<Venue> listByClient(long operatorId, long clientId) {
        return repository.listByClient(operatorId, clientId);
    }

    /** A venue of the operator by its VenueID; empty for unknown ones and other operators'. */
    public Optional<Venue> findByKey(long operatorId, String venueKey) {
        return repository.findByKey(operatorId, venueKey);
    }

    public Optional<Venue> find(long operatorId, long venueId) {
        return repository.find(venueId).filter(v -> v.operatorId() == operatorId);
    }
}
