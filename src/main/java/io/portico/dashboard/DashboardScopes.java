package io.portico.dashboard;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * The units of a venue as the live sessions' filter offers them, a chosen venue, and the time zone a
 * page states (menus of clients, venues and hotspots are {@link DashboardChoices}): the venue's when one is chosen, otherwise the zone most of the operator's venues
 * share (UTC when it has none).
 */
@Component
class DashboardScopes {

    private final VenueService venues;
    private final UnitService units;

    DashboardScopes(VenueService venues, UnitService units) {
        this.venues = venues;
        this.units = units;
    }

    /** The units of the chosen venue by name (none before a venue is chosen: an operator may have thousands). */
    List<Unit> units(Actor actor, Optional<Long> venueId) {
        actor.require(Permission.READ_CONFIGURATION);
        return venueId.map(id -> units.listByVenue(actor.operatorId(), id).stream().sorted(Comparator.comparing(Unit::name)).toList())
                .orElse(List.of());
    }

    Optional<Venue> venue(Actor actor, Optional<Long> venueId) {
        actor.require(Permission.READ_CONFIGURATION);
        return venueId.flatMap(id -> venues.find(actor.operatorId(), id));
    }

    /** The venue's zone, else the one most of the operator's venues share (counted in SQL), else UTC. */
    ZoneId zone(Actor actor, Optional<Venue> venue) {
        if (venue.isPresent()) {
            return venue.get().timeZone();
        }
        actor.require(Permission.READ_CONFIGURATION);
        return venues.commonestZone(actor.operatorId()).orElse(ZoneOffset.UTC);
    }

    static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
