package io.portico.dashboard;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import io.portico.connection.ConnectionInsights;
import io.portico.connection.LiveSessionQuery;
import io.portico.connection.LiveSessions;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.web.FormGuard;
import io.portico.radius.DisconnectRequest;
import io.portico.radius.RadiusService;

/**
 * Live sessions: who is online now at the operator's hotspots and venue gateways (guests and
 * residents; stale sessions marked and not counted), filtered by hotspot, venue or unit, keyset-paged, refreshed every few seconds by htmx
 * ({@code /dashboard/sessions/live} answers the table alone); "disconnect" sends a tracked
 * Disconnect-Request, and the recent disconnects show whether the NAS ACKed and the Stop arrived.
 */
@Controller
@Hidden
class SessionsController extends DashboardErrorPages {

    static final int PAGE_SIZE = 50;

    private final ConnectionInsights connections;
    private final RadiusService radius;
    private final DashboardScopes scopes;
    private final DashboardChoices choices;
    private final DashboardSessions sessions;

    SessionsController(DashboardPages pages, ConnectionInsights connections, RadiusService radius, DashboardScopes scopes,
                       DashboardChoices choices, DashboardSessions sessions) {
        super(pages);
        this.choices = choices;
        this.connections = connections;
        this.radius = radius;
        this.scopes = scopes;
        this.sessions = sessions;
    }

    @GetMapping("/dashboard/sessions")
    String page(Actor actor, @RequestParam(required = false) @Nullable Long hotspot, @RequestParam(required = false) @Nullable Long venue,
                @RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String after,
                @RequestParam(required = false) @Nullable String hotspotName, @RequestParam(required = false) @Nullable String venueName,
                @RequestParam(required = false) @Nullable String unitName, HttpServletRequest request, Model model) {
        actor.require(DashboardSection.SESSIONS.permission());
        // A name typed into a menu (operators with more hotspots or venues than a menu lists) is resolved here, once.
        hotspot = choices.hotspot(actor, hotspot, hotspotName).map(h -> h.id()).orElse(null);
        venue = choices.venue(actor, venue, venueName).map(v -> v.id()).orElse(null);
        // A venue's units are a menu of their own once a venue is chosen (none before: an operator may have thousands).
        long venueId = venue == null ? 0 : venue;
        if (venue != null) {
            unit = choices.unitOf(actor, venueId, unit, unitName).map(u -> u.id()).orElse(null);
        }
        var text = pages.text(request);
        model.addAttribute("page", pages.page(request, actor, DashboardSection.SESSIONS, "nav.sessions"));
        model.addAttribute("text", text);
        model.addAttribute("hotspots", choices.hotspots(actor, "filter-hotspot", hotspot, hotspotName));
        model.addAttribute("venues", choices.venues(actor, "filter-venue", venue, venueName));
        model.addAttribute("units", venue == null ? null : choices.unitsOf(actor, venueId, "filter-unit", unit, unitName));
        model.addAttribute("hotspot", hotspot);
        model.addAttribute("venue", venue);
        model.addAttribute("unit", unit);
        live(actor, new Filter(hotspot, venue, unit), after, request, model);
        return "dashboard/sessions";
    }

    @GetMapping("/dashboard/sessions/live")
    String liveTable(Actor actor, @RequestParam(required = false) @Nullable Long hotspot, @RequestParam(required = false) @Nullable Long venue,
                     @RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String after,
                     HttpServletRequest request, Model model) {
        live(actor, new Filter(hotspot, venue, unit), after, request, model);
        return "dashboard/sessions-live";
    }

    @PostMapping("/dashboard/sessions/{id}/disconnect")
    String disconnect(Actor actor, @PathVariable long id, @RequestParam(name = FormGuard.FIELD, required = false) @Nullable String csrf,
                      @RequestParam(required = false) @Nullable Long hotspot, @RequestParam(required = false) @Nullable Long venue,
                      @RequestParam(required = false) @Nullable Long unit, HttpServletRequest request) {
        sessions.checkForm(request, csrf);
        DisconnectRequest requested;
        try {
            requested = radius.disconnectSession(actor, id);
        } catch (PorticoException e) {
            throw DashboardRefusal.rephrased(DashboardRefusal.rephrased(e, Problem.NOT_FOUND, "sessions.ended"), Problem.CONFLICT,
                    "sessions.noNas");
        }
        // Back to the list as it was filtered.
        return "redirect:" + new Filter(hotspot, venue, unit).on("/dashboard/sessions").queryParam("requested", requested.id())
                .build().toUriString();
    }

    /** The list's filter as the page's query parameters. */
    private record Filter(@Nullable Long hotspot, @Nullable Long venue, @Nullable Long unit) {

        UriComponentsBuilder on(String path) {
            return UriComponentsBuilder.fromPath(path).queryParamIfPresent("hotspot", Optional.ofNullable(hotspot))
                    .queryParamIfPresent("venue", Optional.ofNullable(venue)).queryParamIfPresent("unit", Optional.ofNullable(unit));
        }
    }

    private void live(Actor actor, Filter filter, @Nullable String after, HttpServletRequest request, Model model) {
        Optional<Instant> afterStart = Optional.empty();
        Optional<Long> afterId = Optional.empty();
        if (after != null && !after.isBlank()) {
            int cut = after.lastIndexOf('_');
            try {
                afterStart = Optional.of(Instant.parse(after.substring(0, Math.max(0, cut))));
                afterId = Optional.of(Long.parseLong(after.substring(cut + 1)));
            } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException e) {
                throw PorticoException.invalid(pages.text(request).t("sessions.badPage"));
            }
        }
        LiveSessions live = connections.live(actor, new LiveSessionQuery(Optional.ofNullable(filter.hotspot()),
                Optional.ofNullable(filter.venue()), Optional.ofNullable(filter.unit()), afterStart, afterId, PAGE_SIZE));
        var venueChoice = scopes.venue(actor, Optional.ofNullable(filter.venue()));
        DashboardFormats formats = new DashboardFormats(scopes.zone(actor, venueChoice), pages.text(request).locale());
        String self = filter.on("/dashboard/sessions/live").queryParamIfPresent("after", Optional.ofNullable(after)).build().toUriString();
        String next = null;
        if (live.more()) {
            var last = live.sessions().getLast();
            next = filter.on("/dashboard/sessions").queryParam("after", last.startedAt() + "_" + last.id()).encode().build().toUriString();
        }
        model.addAttribute("text", pages.text(request));
        model.addAttribute("live", live);
        model.addAttribute("formats", formats);
        model.addAttribute("refreshUrl", self);
        model.addAttribute("filterHotspot", filter.hotspot());
        model.addAttribute("filterVenue", filter.venue());
        model.addAttribute("filterUnit", filter.unit());
        model.addAttribute("nextUrl", next);
        model.addAttribute("canDisconnect", actor.can(Permission.MANAGE_GUESTS));
        model.addAttribute("formToken", sessions.formToken(request));
        model.addAttribute("disconnects", radius.recentDisconnects(actor, 10));
        model.addAttribute("firstPage", after == null || after.isBlank());
    }

}
