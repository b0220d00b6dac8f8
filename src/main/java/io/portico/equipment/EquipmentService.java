package io.portico.equipment;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.equipment.persistence.EquipmentRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.platform.SecretBox;
import io.portico.tenant.Keys;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Entry point of the equipment module. The console adds, changes and lists equipment and reads
 * its log; the gateway drivers (issue 6) read credentials, write log entries and record the VLAN
 * state a gateway confirmed; the subscription module reads that state for the pending lists.
 */
@Service
public class EquipmentService {

    private final EquipmentRepository repository;
    private final VenueService venues;
    private final SecretBox box;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EquipmentService(EquipmentRepository repository, VenueService venues, SecretBox box,
                     ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.venues = venues;
        this.box = box;
        this.events = events;
        this.clock = clock;
    }

    /** Adds equipment at a venue of the actor's operator (DomainAdministrators). */
    @Transactional
    public Equipment add(Actor actor, String venueKey, String name, EquipmentDetails details) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        Equipment equipment = add(actor.operatorId(), venueKey, name, details);
        String message = "Equipment added: " + equipment.key() + " (" + equipment.type().label() + ", "
                + equipment.manufacturer() + " " + equipment.model() + ", " + equipment.ipAddress() + "). ";
        audit(actor, equipment, "/equipment/addEquipment", message);
        return equipment;
    }

    /** Adds equipment without an acting administrator (demo data, tests). */
    @Transactional
    public Equipment add(long operatorId, String venueKey, String name, EquipmentDetails details) {
        Venue venue = venues.findByKey(operatorId, venueKey)
                .orElseThrow(() -> PorticoException.notFound("Unknown {venueId} " + venueKey + "."));
        if (name == null || Keys.part(name).isEmpty() || name.length() > 100) {
            throw PorticoException.invalid("equipmentName", "{equipmentName} is required (letters, digits, '-' or '_'; at most 100 characters).");
        }
        String key = venue.key() + "._V3EQUIPMENT." + Keys.part(name);
        if (repository.findByKey(operatorId, key).isPresent()) {
            throw PorticoException.conflict("Equipment " + key + " already exists.");
        }
        String sealed = details.password() == null || details.password().isEmpty() ? null : box.seal(details.password());
        return repository.insert(operatorId, venue.id(), key, Keys.part(name), details, sealed, clock.instant());
    }

    /** Replaces the details of equipment (DomainAdministrators); credentials stay unless a password is given. */
    @Transactional
    public Equipment update(Actor actor, String equipmentKey, EquipmentDetails details) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        Equipment current = repository.findByKey(actor.operatorId(), equipmentKey)
                .orElseThrow(() -> PorticoException.notFound("Unknown {equipmentId} " + equipmentKey + "."));
        Optional<String> sealed = details.password() == null ? repository.sealedCredentials(current.id())
                : details.password().isEmpty() ? Optional.empty() : Optional.of(box.seal(details.password()));
        repository.update(current.id(), details, sealed.orElse(null));
        Equipment updated = repository.find(current.id()).orElseThrow();
        audit(actor, updated, "/equipment/updateEquipment", "Equipment updated: " + updated.key()
                + (details.password() == null ? "" : "; credentials replaced") + ". ");
        return updated;
    }

    public List<Equipment> list(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.listByOperator(actor.operatorId());
    }

    /** At most {@code limit} of the operator's equipment whose name starts with {@code namePrefix} (case-insensitive), by name. */
    public List<Equipment> named(Actor actor, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.named(actor.operatorId(), Slice.prefix(namePrefix), limit);
    }

    /** The venue's equipment (the venue's page sorts it by name). */
    public List<Equipment> atVenue(Actor actor, long venueId) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.listByVenue(actor.operatorId(), venueId);
    }

    /** How many pieces of equipment the operator has. */
    public long count(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.count(actor.operatorId());
    }

    /** Equipment of the operator by EquipmentID; empty for unknown ones and other operators'. */
    public Optional<Equipment> findByKey(long operatorId, String equipmentKey) {
        return repository.findByKey(operatorId, equipmentKey);
    }

    /** One piece of the operator's equipment by id: RADIUS finds the venue of a gateway that is a NAS client. */
    @Transactional(readOnly = true)
    public Optional<Equipment> find(long operatorId, long equipmentId) {
        return repository.find(equipmentId).filter(e -> e.operatorId() == operatorId);
    }

    /** The gateways of a venue, for the drivers that open and close its VLANs. */
    public List<Equipment> gateways(long operatorId, long venueId) {
        return repository.listByVenue(operatorId, venueId).stream().filter(e -> e.type() == EquipmentType.GATEWAY).toList();
    }

    /** The stored password in clear, for a driver that logs in to the equipment; never for an API response. */
    @Transactional(readOnly = true)
    public Optional<String> credentials(long operatorId, long equipmentId) {
        return repository.find(equipmentId).filter(e -> e.operatorId() == operatorId)
                .flatMap(e -> repository.sealedCredentials(e.id())).map(box::open);
    }

    /** Details and log entries, newest first, at most {@code limit} (listEquipmentLog); 404 for others' equipment. */
    @Transactional(readOnly = true)
    public EquipmentLog log(Actor actor, @Nullable String equipmentKey, int limit) {
        actor.require(Permission.READ_LOGS);
        if (equipmentKey == null || equipmentKey.isBlank()) {
            throw PorticoException.invalid("equipmentId", "{equipmentId} is required.");
        }
        Equipment equipment = repository.findByKey(actor.operatorId(), equipmentKey.strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown {equipmentId} " + equipmentKey + "."));
        return new EquipmentLog(equipment, repository.log(equipment.id(), Math.max(1, limit)));
    }

    /**
     * One page of an equipment's log, newest first (the dashboard's equipment page): the lines
     * before the given line's (occurred-at, id), or the newest when {@code beforeAt} is null.
     */
    @Transactional(readOnly = true)
    public List<EquipmentLogLine> logPage(Actor actor, long equipmentId, @Nullable Instant beforeAt, long beforeId, int limit) {
        actor.require(Permission.READ_LOGS);
        Equipment equipment = find(actor.operatorId(), equipmentId)
                .orElseThrow(() -> PorticoException.notFound("Unknown {equipmentId} " + equipmentId + "."));
        return repository.logPage(equipment.id(), null, null, null, beforeAt, beforeId, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * A page of an equipment's log in a window, newest first, optionally by function name prefix,
     * after the previous page's last (occurred-at, id); the dashboard's keyset paging.
     */
    @Transactional(readOnly = true)
    public List<EquipmentLogLine> logPage(Actor actor, String equipmentKey, Instant from, Instant to, @Nullable String functionPrefix,
                                          @Nullable Instant beforeAt, long beforeId, int limit) {
        actor.require(Permission.READ_LOGS);
        if (from.isAfter(to)) {
            throw PorticoException.invalid("windowStart", "{windowStart} must not be after {windowEnd}.");
        }
        Equipment equipment = repository.findByKey(actor.operatorId(), equipmentKey.strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown {equipmentId} " + equipmentKey + "."));
        return repository.logPage(equipment.id(), from, to, functionPrefix == null || functionPrefix.isBlank() ? null : functionPrefix.strip(),
                beforeAt, beforeId, Math.max(1, Math.min(limit, 1000)));
    }

    /** Appends a line to an equipment's log: the gateway drivers call this for every command and its outcome. */
    @Transactional
    public void record(long equipmentId, EquipmentLogEntry entry) {
        repository.insertLog(equipmentId, entry);
    }

    /**
     * Records the VLAN state a gateway confirmed (the drivers call this after a command
     * succeeded). The pending VLAN lists follow from it.
     */
    @Transactional
    public void recordVlanState(long gatewayId, int vlan, boolean enabled, Instant confirmedAt) {
        repository.saveVlanState(gatewayId, vlan, enabled, confirmedAt);
    }

    /**
     * A VLAN's settings changed (a subscription's plan, so its speed): forgets what the venue's
     * gateways confirmed as enabled for it, so the enable, with the new speed, is pending again
     * and the reconciler re-applies it (staff confirm again on manual gateways).
     */
    @Transactional
    public void requireReapply(long operatorId, long venueId, int vlan) {
        for (Equipment gateway : gateways(operatorId, venueId)) {
            if (repository.vlanState(gateway.id(), vlan).orElse(false)) {
                repository.forgetVlanState(gateway.id(), vlan);
            }
        }
    }

    /**
     * An administrator confirms by hand that a VLAN is enabled or disabled on a gateway (for
     * gateways Portico cannot drive). Logged in the operator log and the equipment log.
     */
    @Transactional
    public void confirmVlanState(Actor actor, String equipmentKey, int vlan, boolean enabled) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        Equipment gateway = repository.findByKey(actor.operatorId(), equipmentKey)
                .filter(e -> e.type() == EquipmentType.GATEWAY)
                .orElseThrow(() -> PorticoException.notFound("Unknown gateway {equipmentId} " + equipmentKey + "."));
        if (vlan < 1 || vlan > 4094) {
            throw PorticoException.invalid("vlan", "{vlan} must be between 1 and 4094.");
        }
        repository.saveVlanState(gateway.id(), vlan, enabled, clock.instant());
        audit(actor, gateway, "/equipment/gateway/confirmGatewayVLAN", "VLAN " + vlan + (enabled ? " confirmed enabled" : " confirmed disabled")
                + " on " + gateway.key() + " by hand. ");
    }

    /** Whether the gateway last confirmed the VLAN enabled (true) or disabled (false); empty when never. */
    @Transactional(readOnly = true)
    public Optional<Boolean> confirmedVlanState(long gatewayId, int vlan) {
        return repository.vlanState(gatewayId, vlan);
    }

    /** Operators that have at least one gateway: the gateway reconciler works through them. */
    @Transactional(readOnly = true)
    public List<Long> operatorsWithGateways() {
        return repository.operatorsWithGateways();
    }

    /** Per venue of the operator: its gateways and the VLANs they have confirmed enabled. */
    @Transactional(readOnly = true)
    public Map<Long, VenueVlanState> vlanStates(long operatorId) {
        Map<Long, Integer> gateways = new HashMap<>();
        Map<Long, Long> venueOf = new HashMap<>();
        for (Equipment e : repository.listByOperator(operatorId)) {
            if (e.type() == EquipmentType.GATEWAY) {
                gateways.merge(e.venueId(), 1, Integer::sum);
                venueOf.put(e.id(), e.venueId());
            }
        }
        Map<Long, Map<Integer, Integer>> enabled = new HashMap<>();
        repository.enabledVlans(operatorId).forEach(row -> {
            Long venue = venueOf.get(row.gatewayId());
            if (venue != null) {
                enabled.computeIfAbsent(venue, v -> new HashMap<>()).merge(row.vlan(), 1, Integer::sum);
            }
        });
        Map<Long, VenueVlanState> states = new LinkedHashMap<>();
        gateways.forEach((venue, count) -> states.put(venue, new VenueVlanState(venue, count, enabled.getOrDefault(venue, Map.of()))));
        return states;
    }

    private void audit(Actor actor, Equipment equipment, String function, String message) {
        Instant now = clock.instant();
        repository.insertLog(equipment.id(), new EquipmentLogEntry(now, function, Map.of("message", message),
                actor.origin().sourceIp(), "", actor.label(), actor.origin().locale(), actor.origin().userAgent()));
        String venueKey = venues.find(actor.operatorId(), equipment.venueId()).map(Venue::key).orElse("");
        events.publishEvent(AdministratorActed.by(actor, function, Map.of("message", message), now).at(venueKey, ""));
    }
}
