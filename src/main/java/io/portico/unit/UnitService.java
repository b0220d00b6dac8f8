package io.portico.unit;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Sections;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.tenant.Keys;
import io.portico.unit.persistence.UnitRepository;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Entry point of the unit module. The console adds, changes and lists units; subscriptions
 * and the RADIUS work read a unit's VLAN through it.
 */
@Service
public class UnitService {

    private final UnitRepository repository;
    private final VenueService venues;
    private final OperatorSettingsService settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnitService(UnitRepository repository, VenueService venues, OperatorSettingsService settings,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.venues = venues;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a unit at a venue of the actor's operator (AccountManagers and DomainAdministrators). */
    @Transactional
    public Unit add(Actor actor, String venueKey, NewUnit request) {
        actor.require(Permission.MANAGE_VENUES);
        Unit unit = add(actor.operatorId(), venueKey, request);
        events.publishEvent(AdministratorActed.by(actor, "/units/addUnit", Map.of("message", "Unit added: " + unit.key()
                + " with vlan " + unit.vlan() + ". "), clock.instant()).at(venueKey, unit.key()));
        return unit;
    }

    /** Adds a unit without an acting administrator (demo data, tests). */
    @Transactional
    public Unit add(long operatorId, String venueKey, NewUnit request) {
        Venue venue = venue(operatorId, venueKey);
        String key = keyOf(venue, request.name(), request.building(), request.floor());
        if (repository.findByKey(operatorId, key).isPresent()) {
            throw PorticoException.conflict("Unit " + key + " already exists.");
        }
        int vlan = request.vlan() != null ? freeVlan(venue, request.vlan(), null)
                : autoVlan(venue, request.purpose().range(settings.network(operatorId)));
        Unit unit = repository.insert(new Unit(0, operatorId, venue.id(), key, request.name(), request.building(),
                request.floor(), request.purpose(), vlan, request.externalUnitId(), clock.instant()));
        events.publishEvent(new VenueUnitAdded(unit, venue));
        return unit;
    }

    /**
     * Changes a unit's purpose, VLAN or external ID (its UnitID_internal stays). A null VLAN with a
     * new purpose assigns one from that purpose's range.
     */
    @Transactional
    public Unit update(Actor actor, String unitKey, @Nullable UnitPurpose purpose, @Nullable Integer vlan,
                       @Nullable String externalUnitId) {
        actor.require(Permission.MANAGE_VENUES);
        Unit unit = repository.findByKey(actor.operatorId(), unitKey)
                .orElseThrow(() -> PorticoException.notFound("Unknown UnitID_internal " + unitKey + "."));
        Venue venue = venues.find(actor.operatorId(), unit.venueId()).orElseThrow();
        UnitPurpose newPurpose = purpose == null ? unit.purpose() : purpose;
        int newVlan = vlan != null ? freeVlan(venue, NewUnit.vlan(vlan), unit.id())
                : newPurpose != unit.purpose() ? autoVlan(venue, newPurpose.range(settings.network(actor.operatorId())))
                : unit.vlan();
        String external = externalUnitId == null ? unit.externalUnitId() : externalUnitId.strip();
        Unit changed = new Unit(unit.id(), unit.operatorId(), unit.venueId(), unit.key(), unit.name(), unit.building(),
                unit.floor(), newPurpose, newVlan, external, unit.createdAt());
        repository.update(changed);
        events.publishEvent(new VenueUnitUpdated(changed, venue, unit.vlan()));
        events.publishEvent(AdministratorActed.by(actor, "/units/updateUnit", Map.of("message", "Unit " + unit.key()
                + " updated: purpose " + newPurpose.code() + ", vlan " + newVlan + ". "), clock.instant()).at(venue.key(), unit.key()));
        return changed;
    }

    public List<Unit> listByVenue(long operatorId, long venueId) {
        return repository.listByVenue(operatorId, venueId);
    }

    /** How many units each of these venues of the operator has (for a page of the venues list). */
    public Map<Long, Long> countByVenue(long operatorId, Collection<Long> venueIds) {
        return repository.countByVenue(operatorId, venueIds);
    }

    /**
     * At most {@code limit} of the operator's units whose "venue name · unit name" starts with
     * {@code labelPrefix} (case-insensitive), by venue then unit: the dashboard's bounded unit menu.
     */
    public List<Unit> named(long operatorId, String labelPrefix, int limit) {
        return repository.named(operatorId, Slice.prefix(labelPrefix), limit);
    }

    /** At most {@code limit} of the venue's units whose name starts with {@code namePrefix} (case-insensitive), by name. */
    public List<Unit> named(long operatorId, long venueId, String namePrefix, int limit) {
        return repository.named(operatorId, venueId, Slice.prefix(namePrefix), limit);
    }

    /**
     * A page (zero-based) of the venue's units by building, floor and name whose name, building or
     * floor starts with {@code search} (case-insensitive), read in SQL: the dashboard's venue page.
     */
    public Slice<Unit> page(long operatorId, long venueId, String search, int page, int size) {
        return Slice.of(repository.page(operatorId, venueId, Slice.prefix(search), Slice.offset(page, size), size + 1), size);
    }

    /** How many units the operator has. */
    public long count(long operatorId) {
        return repository.count(operatorId);
    }

    public List<Unit> listByOperator(long operatorId) {
        return repository.listByOperator(operatorId);
    }

    /** A unit of the operator by its UnitID_internal; empty for unknown ones and other operators'. */
    public Optional<Unit> findByKey(long operatorId, String unitKey) {
        return repository.findByKey(operatorId, unitKey);
    }

    /** A unit by internal id, scoped to the operator. */
    public Optional<Unit> find(long operatorId, long unitId) {
        return repository.find(unitId).filter(u -> u.operatorId() == operatorId);
    }

    /**
     * The unit of the operator's venue with this number, building and floor (the identity a new unit
     * must not share); empty when there is none.
     */
    public Optional<Unit> findInVenue(long operatorId, String venueKey, String name, String building, String floor) {
        return venues.findByKey(operatorId, venueKey).flatMap(v -> repository.findByKey(operatorId, keyOf(v, name, building, floor)));
    }

    private static String keyOf(Venue venue, String name, String building, String floor) {
        return venue.key() + "." + String.join(".", Keys.part(name), Keys.part(building), Keys.part(floor));
    }

    private Venue venue(long operatorId, String venueKey) {
        return venues.findByKey(operatorId, venueKey == null ? "" : venueKey)
                .orElseThrow(() -> PorticoException.notFound("Unknown {venueId} " + venueKey + "."));
    }

    private int freeVlan(Venue venue, int vlan, @Nullable Long exceptUnit) {
        boolean taken = repository.listByVenue(venue.operatorId(), venue.id()).stream()
                .anyMatch(u -> u.vlan() == vlan && (exceptUnit == null || u.id() != exceptUnit));
        if (taken) {
            throw PorticoException.conflict("vlan " + vlan + " is already used by another unit of venue " + venue.key() + ".");
        }
        return vlan;
    }

    /** The lowest VLAN of the range no unit of the venue uses (4095 is never handed out). */
    private int autoVlan(Venue venue, Sections.VlanRange range) {
        Set<Integer> used = new HashSet<>(repository.vlansOfVenue(venue.id()));
        for (int vlan = range.min(); vlan <= Math.min(range.max(), 4094); vlan++) {
            if (!used.contains(vlan)) {
                return vlan;
            }
        }
        throw PorticoException.conflict("No free VLAN left in " + range.min() + ".." + range.max() + " at venue "
                + venue.key() + "; widen the operator's {autoVlanMin}/{autoVlanMax} range or give {vlan}.");
    }
}
