package io.portico.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.NewHotspot;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Management routes for hotspots (guest networks at venues, known to gateways by NAS-Identifier).
 * New in Portico; named in the console's style. Roles: DomainAdministrators and AccountManagers
 * change, CustomerSupport reads.
 */
@RestController
@RequestMapping("/preview/networkoperatorconsole/hotspots")
@Tag(name = "Console: hotspots")
class HotspotController {

    record AddHotspot(@JsonProperty("VenueID") @Nullable String venueId, @JsonProperty("HotspotName") @Nullable String name,
                      @JsonProperty("NASIdentifier") @Nullable String nasIdentifier) {
    }

    record UpdateHotspot(@JsonProperty("HotspotID") @Nullable Long hotspotId, @JsonProperty("VenueID") @Nullable String venueId,
                         @JsonProperty("HotspotName") @Nullable String name,
                         @JsonProperty("NASIdentifier") @Nullable String nasIdentifier) {
    }

    private final HotspotService hotspots;
    private final VenueService venues;

    HotspotController(HotspotService hotspots, VenueService venues) {
        this.hotspots = hotspots;
        this.venues = venues;
    }

    @PostMapping("/addHotspot")
    @Operation(summary = "Adds a hotspot at a venue", description = "VenueID (the console's dotted venue key), HotspotName and a NASIdentifier unique within the operator.")
    Map<String, @Nullable Object> add(Actor actor, @RequestBody AddHotspot request) {
        Venue venue = venue(actor, request.venueId());
        Hotspot hotspot = hotspots.add(actor, new NewHotspot(venue.clientId(), venue.id(), request.name(), request.nasIdentifier()));
        return GuestConsoleFields.ok("Hotspot added: " + hotspot.name() + ". ", hotspot(hotspot, venue));
    }

    @PostMapping("/updateHotspot")
    @Operation(summary = "Renames a hotspot, moves it to another venue of its client or changes its NASIdentifier")
    Map<String, @Nullable Object> update(Actor actor, @RequestBody UpdateHotspot request) {
        long id = GuestConsoleFields.required("HotspotID", request.hotspotId());
        Venue venue = venue(actor, request.venueId());
        Hotspot hotspot = hotspots.update(actor, id, new NewHotspot(venue.clientId(), venue.id(), request.name(),
                request.nasIdentifier()));
        return GuestConsoleFields.ok("Hotspot " + id + " updated. ", hotspot(hotspot, venue));
    }

    @PostMapping("/listHotspots")
    @Operation(summary = "Lists a client's hotspots by name")
    Map<String, @Nullable Object> list(Actor actor, @RequestBody GuestConsoleFields.ClientRef request) {
        List<Map<String, @Nullable Object>> list = hotspots.list(actor, request.required()).stream()
                .map(h -> hotspot(h, venues.find(actor.operatorId(), h.venueId()).orElseThrow())).toList();
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("Hotspots", list);
        body.put("HotspotCount", list.size());
        return GuestConsoleFields.ok("", body);
    }

    private Venue venue(Actor actor, @Nullable String venueKey) {
        if (venueKey == null || venueKey.isBlank()) {
            throw PorticoException.invalid("VenueID", "VenueID is required.");
        }
        return venues.findByKey(actor.operatorId(), venueKey.strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown venue " + venueKey + "."));
    }

    private static Map<String, @Nullable Object> hotspot(Hotspot h, Venue venue) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("HotspotID", h.id());
        m.put("ClientID", h.clientId());
        m.put("VenueID", venue.key());
        m.put("HotspotName", h.name());
        m.put("NASIdentifier", h.nasIdentifier());
        m.put("dateAddedUTC.ISO8601", ConsoleFormats.iso(h.createdAt()));
        return m;
    }
}
