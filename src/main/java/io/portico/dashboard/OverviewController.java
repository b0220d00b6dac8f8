package io.portico.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import io.portico.platform.Actor;
import io.portico.venue.Venue;

/**
 * The overview: today and the last 30 days for the operator, a client or a venue (guests new and
 * returning, plan sign-ins, sessions, data, busiest hotspots; for MDUs subscriptions starting and
 * ending, pending VLAN changes and failed gateway changes). The page carries every number as a
 * table; {@code overview.json} feeds its uPlot charts and {@code overview.csv} downloads the days.
 */
@Controller
@Hidden
class OverviewController extends DashboardErrorPages {

    private final OverviewReport report;
    private final DashboardScopes scopes;
    private final DashboardChoices choices;

    OverviewController(DashboardPages pages, OverviewReport report, DashboardScopes scopes, DashboardChoices choices) {
        super(pages);
        this.choices = choices;
        this.report = report;
        this.scopes = scopes;
    }

    @GetMapping("/dashboard/overview")
    String overview(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(required = false) @Nullable Long venue,
                    @RequestParam(required = false) @Nullable String clientName, @RequestParam(required = false) @Nullable String venueName,
                    HttpServletRequest request, Model model) {
        actor.require(DashboardSection.OVERVIEW.permission());
        client = choices.client(actor, client, clientName).map(c -> c.id()).orElse(null);
        Optional<Venue> chosenVenue = choices.venue(actor, venue, venueName);
        venue = chosenVenue.map(Venue::id).orElse(null);
        var zone = scopes.zone(actor, chosenVenue);
        var overview = report.build(actor, clientOf(actor, client), chosenVenue, zone);
        var text = pages.text(request);
        model.addAttribute("page", pages.page(request, actor, DashboardSection.OVERVIEW, "nav.overview",
                List.of(DashboardWebConfiguration.UPLOT_STYLE), List.of(DashboardWebConfiguration.UPLOT_SCRIPT,
                        pages.asset("overview.js"))));
        model.addAttribute("text", text);
        model.addAttribute("overview", overview);
        model.addAttribute("clients", choices.clients(actor, "scope-client", client, clientName));
        model.addAttribute("venues", choices.venues(actor, "scope-venue", venue, venueName));
        model.addAttribute("client", client);
        model.addAttribute("venue", venue);
        model.addAttribute("dataUrl", query("/dashboard/overview.json", client, venue));
        model.addAttribute("csvUrl", query("/dashboard/overview.csv", client, venue));
        return "dashboard/overview";
    }

    @GetMapping(path = "/dashboard/overview.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> data(Actor actor, @RequestParam(required = false) @Nullable Long client,
                             @RequestParam(required = false) @Nullable Long venue, HttpServletRequest request) {
        Optional<Venue> chosenVenue = venue(actor, venue);
        var overview = report.build(actor, clientOf(actor, client), chosenVenue, scopes.zone(actor, chosenVenue));
        var text = pages.text(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("zone", overview.zone().getId());
        body.put("days", overview.days().stream().map(d -> d.date().toString()).toList());
        body.put("x", overview.days().stream().map(d -> d.start().getEpochSecond()).toList());
        List<Map<String, Object>> charts = new ArrayList<>();
        charts.add(chart("guests", text.t("overview.chart.guests"), Map.of(
                text.t("overview.newGuests"), overview.days().stream().map(OverviewReport.Day::newGuests).toList(),
                text.t("overview.returningGuests"), overview.days().stream().map(OverviewReport.Day::returningGuests).toList())));
        charts.add(chart("activity", text.t("overview.chart.activity"), Map.of(
                text.t("overview.sessions"), overview.days().stream().map(OverviewReport.Day::sessions).toList(),
                text.t("overview.signIns"), overview.days().stream().map(OverviewReport.Day::signIns).toList())));
        charts.add(chart("data", text.t("overview.chart.data"), Map.of(
                text.t("overview.megabytes"), overview.days().stream().map(d -> Math.round(d.octets() / 1e6)).toList())));
        body.put("charts", charts);
        // Days whose returning guests are estimated from device sketches (docs/dashboard.md), as the page marks them.
        body.put("estimated", Map.of("returningGuests", overview.days().stream().map(OverviewReport.Day::returningEstimated).toList()));
        return body;
    }

    @GetMapping("/dashboard/overview.csv")
    void csv(Actor actor, @RequestParam(required = false) @Nullable Long client, @RequestParam(required = false) @Nullable Long venue,
             HttpServletResponse response) throws IOException {
        Optional<Venue> chosenVenue = venue(actor, venue);
        var overview = report.build(actor, clientOf(actor, client), chosenVenue, scopes.zone(actor, chosenVenue));
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"portico-overview.csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write("date,new_guests,returning_guests,returning_guests_estimated,sign_ins,sessions,bytes\r\n");
        for (var d : overview.days()) {
            out.write(d.date() + "," + d.newGuests() + "," + d.returningGuests() + "," + d.returningEstimated() + "," + d.signIns() + ","
                    + d.sessions() + "," + d.octets() + "\r\n");
        }
        out.flush();
    }

    private Optional<Venue> venue(Actor actor, @Nullable Long venue) {
        return choices.venue(actor, venue, null);
    }

    private Optional<Long> clientOf(Actor actor, @Nullable Long client) {
        return choices.client(actor, client, null).map(c -> c.id());
    }

    private static Map<String, Object> chart(String id, String title, Map<String, List<Long>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("series", new java.util.TreeMap<>(series));
        return chart;
    }

    private static String query(String path, @Nullable Long client, @Nullable Long venue) {
        return UriComponentsBuilder.fromPath(path).queryParamIfPresent("client", Optional.ofNullable(client))
                .queryParamIfPresent("venue", Optional.ofNullable(venue)).build().toUriString();
    }
}
