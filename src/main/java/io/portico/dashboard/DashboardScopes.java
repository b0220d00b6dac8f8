package io.portico.dashboard;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * A chosen venue and the time zone a page states (menus of clients, venues, hotspots and units are
 * {@link DashboardChoices}): the venue's when one is chosen, otherwise the zone most of the operator's venues
 * share (UTC when it has none).
 */
@Component
class DashboardScopes {

    private final VenueService venues;

    DashboardScopes(VenueService venues) {
        this.venues = venues;
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
