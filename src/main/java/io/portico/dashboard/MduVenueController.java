package io.portico.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentLogLine;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.gateway.GatewayDrivers;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Buildings: the operator's venues (25 a page, by name), a venue with its units and equipment,
 * and an equipment's page with its log (keyset-paged). Every change goes through the venue, unit
 * and equipment services the console API uses, so roles, the operator log and webhooks are theirs.
 */
@Controller
@Hidden
class MduVenueController extends MduPages {

    /** Units shown a page of the venue page at a time. */
    static final int UNITS_PAGE = 50;

    private final VenueService venues;
    private final UnitService units;
    private final EquipmentService equipment;
    private final TenantService tenants;
    private final DashboardChoices choices;
    private final GatewayDrivers drivers;

    MduVenueController(DashboardPages pages, DashboardSessions sessions, VenueService venues, UnitService units,
                       EquipmentService equipment, TenantService tenants, GatewayDrivers drivers, DashboardChoices choices) {
        super(pages, sessions);
        this.choices = choices;
        this.venues = venues;
        this.units = units;
        this.equipment = equipment;
        this.tenants = tenants;
        this.drivers = drivers;
    }

    // ---- venues --------------------------------------------------------------------------------

    @GetMapping("/dashboard/mdu")
    String venues(Actor actor, @RequestParam(required = false) @Nullable String after, HttpServletRequest request, Model model) {
        return venuesPage(actor, after, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/venues")
    String addVenue(Actor actor, @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        return change(request, response, form, "venue-add", () -> {
            Long client = choices.client(actor, whole(form, "client", "clientId"), text(form, "clientName")).map(Client::id).orElse(null);
            NewVenue wanted = new NewVenue(client == null ? 0 : client, text(form, "name"), address(form),
                    NewVenue.zone(text(form, "timeZone")), text(form, "externalId"));
            Venue v = clash(() -> venues.add(actor, wanted), e -> DashboardRefusal.conflict("mdu.conflict.venue-add", wanted.name(),
                    wanted.address().line1(), wanted.address().city()));
            return "redirect:" + venuePath(v) + "?done=added";
        }, refused -> venuesPage(actor, null, refused, request, model));
    }

    private String venuesPage(Actor actor, @Nullable String after, MduForm form, HttpServletRequest request, Model model) {
        Slice<Venue> shown = venues.page(actor, Optional.ofNullable(after).filter(a -> !a.isBlank()), PAGE);
        Map<Long, Long> unitCounts = units.countByVenue(actor.operatorId(), shown.rows().stream().map(Venue::id).toList());
        Map<Long, String> clientNames = new java.util.HashMap<>();
        for (Venue v : shown.rows()) {
            clientNames.computeIfAbsent(v.clientId(), id -> tenants.findClient(actor.operatorId(), id).map(Client::company).orElse(""));
        }
        String typedClient = form.value("venue-add", "clientName", "");
        String sentClient = form.value("venue-add", "client", "");
        Choice clients = choices.clients(actor, "venue-add-client", sentClient.matches("\\d{1,18}") ? Long.valueOf(sentClient) : null,
                typedClient);
        List<MduViews.VenueRow> rows = shown.rows().stream().map(v -> new MduViews.VenueRow(v, clientNames.getOrDefault(v.clientId(), ""),
                unitCounts.getOrDefault(v.id(), 0L))).toList();
        String next = shown.more() ? UriComponentsBuilder.fromPath("/dashboard/mdu").queryParam("after", shown.rows().getLast().key())
                .encode().build().toUriString() : null;
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.venues.title"));
        model.addAttribute("view", new MduViews.VenuesView(rows, venues.count(actor), next, clients, actor.can(Permission.MANAGE_VENUES), form));
        return "dashboard/mdu-venues";
    }

    @GetMapping("/dashboard/mdu/venues/{key}")
    String venue(Actor actor, @PathVariable String key, HttpServletRequest request, Model model) {
        return venuePage(actor, key, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/venues/{key}")
    String updateVenue(Actor actor, @PathVariable String key, @RequestParam Map<String, String> form, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        return change(request, response, form, "venue-edit", () -> {
            Venue v = venues.update(actor, venue(actor, key).key(), text(form, "name"), address(form),
                    NewVenue.zone(text(form, "timeZone")), text(form, "externalId"));
            return "redirect:" + venuePath(v) + "?done=updated";
        }, refused -> venuePage(actor, key, refused, request, model));
    }

    @PostMapping("/dashboard/mdu/venues/{key}/units")
    String addUnit(Actor actor, @PathVariable String key, @RequestParam Map<String, String> form, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return change(request, response, form, "unit-add", () -> {
            Venue venue = venue(actor, key);
            NewUnit wanted = new NewUnit(text(form, "name"), text(form, "building"), text(form, "floor"), purpose(form),
                    integer(form, "vlan", "vlan"), text(form, "externalId"));
            Unit u = clash(() -> units.add(actor, venue.key(), wanted), e -> unitClash(actor, venue, wanted));
            return "redirect:" + venuePath(venue(actor, key)) + "?done=unitAdded#unit-" + u.id();
        }, refused -> venuePage(actor, key, refused, request, model));
    }

    @PostMapping("/dashboard/mdu/venues/{key}/equipment")
    String addEquipment(Actor actor, @PathVariable String key, @RequestParam Map<String, String> form, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        return change(request, response, form, "equipment-add", () -> {
            Venue venue = venue(actor, key);
            EquipmentDetails details = details(form);
            Equipment e = clash(() -> equipment.add(actor, venue.key(), text(form, "name"), details),
                    refusal -> DashboardRefusal.conflict("mdu.conflict.equipment-add", text(form, "name"), venue.name()));
            return "redirect:/dashboard/mdu/equipment/" + e.id() + "?done=added";
        }, refused -> venuePage(actor, key, refused, request, model));
    }

    /** What a new unit clashed with: a unit of the same number, building and floor, its VLAN, or a full VLAN range. */
    private DashboardRefusal unitClash(Actor actor, Venue venue, NewUnit request) {
        if (units.findInVenue(actor.operatorId(), venue.key(), request.name(), request.building(), request.floor()).isPresent()) {
            return DashboardRefusal.conflict("mdu.conflict.unit-add", request.name(), request.building(), request.floor(), venue.name());
        }
        return request.vlan() != null ? DashboardRefusal.conflict("mdu.conflict.vlanTaken", String.valueOf(request.vlan()), venue.name())
                : DashboardRefusal.conflict("mdu.conflict.noFreeVlan", venue.name());
    }

    private String venuePage(Actor actor, String key, MduForm form, HttpServletRequest request, Model model) {
        Venue venue = venue(actor, key);
        String client = tenants.findClient(actor.operatorId(), venue.clientId()).map(Client::company).orElse("");
        // The venue's units a page at a time, searched in the same query (a venue may hold thousands).
        ListQuery listed = ListQuery.of(request, venuePath(venue));
        SetupViews.Paged<Unit> venueUnits = SetupViews.Paged.of(units.page(actor.operatorId(), venue.id(), listed.query(), listed.page(),
                UNITS_PAGE), listed.page());
        List<MduViews.EquipmentRow> gear = equipment.atVenue(actor, venue.id()).stream()
                .sorted(Comparator.comparing(Equipment::name)).map(this::row).toList();
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.venue.title", venue.name()));
        model.addAttribute("view", new MduViews.VenueView(venue, client, venueUnits, listed.query(), listed.base(), gear, actor.can(Permission.MANAGE_VENUES),
                actor.can(Permission.MANAGE_EQUIPMENT), done(request), form));
        return "dashboard/mdu-venue";
    }

    // ---- units ---------------------------------------------------------------------------------

    @GetMapping("/dashboard/mdu/units/{id}")
    String unit(Actor actor, @PathVariable long id, HttpServletRequest request, Model model) {
        return unitPage(actor, id, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/units/{id}")
    String updateUnit(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        return change(request, response, form, "unit-edit", () -> {
            Unit unit = unit(actor, id);
            UnitPurpose purpose = purpose(form);
            Integer vlan = integer(form, "vlan", "vlan");
            Integer asked = vlan != null && vlan == unit.vlan() && purpose == unit.purpose() ? null : vlan;
            Venue venue = venues.find(actor.operatorId(), unit.venueId()).orElseThrow();
            clash(() -> units.update(actor, unit.key(), purpose, asked, text(form, "externalId")),
                    e -> asked != null ? DashboardRefusal.conflict("mdu.conflict.vlanTaken", String.valueOf(asked), venue.name())
                            : DashboardRefusal.conflict("mdu.conflict.noFreeVlan", venue.name()));
            return "redirect:" + venuePath(venues.find(actor.operatorId(), unit.venueId()).orElseThrow()) + "?done=unitUpdated";
        }, refused -> unitPage(actor, id, refused, request, model));
    }

    private String unitPage(Actor actor, long id, MduForm form, HttpServletRequest request, Model model) {
        Unit unit = unit(actor, id);
        Venue venue = venues.find(actor.operatorId(), unit.venueId()).orElseThrow();
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.unit.title", unit.name(), venue.name()));
        model.addAttribute("view", new MduViews.UnitView(venue, unit, actor.can(Permission.MANAGE_VENUES), form));
        return "dashboard/mdu-unit";
    }

    // ---- equipment -----------------------------------------------------------------------------

    @GetMapping("/dashboard/mdu/equipment/{id}")
    String equipment(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable Long beforeAt,
                     @RequestParam(defaultValue = "0") long beforeId, HttpServletRequest request, Model model) {
        return equipmentPage(actor, id, beforeAt, beforeId, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/equipment/{id}")
    String updateEquipment(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        return change(request, response, form, "equipment-edit", () -> {
            Equipment e = equipment(actor, id);
            EquipmentDetails details = details(form);
            if (!form.containsKey("replacePassword")) {
                details = new EquipmentDetails(details.type(), details.manufacturer(), details.model(), details.connectionProtocol(),
                        details.ipAddress(), details.username(), null, details.status());
            }
            equipment.update(actor, e.key(), details);
            return "redirect:/dashboard/mdu/equipment/" + id + "?done=updated";
        }, refused -> equipmentPage(actor, id, null, 0, refused, request, model));
    }

    private String equipmentPage(Actor actor, long id, @Nullable Long beforeAt, long beforeId, MduForm form,
                                 HttpServletRequest request, Model model) {
        Equipment e = equipment(actor, id);
        Venue venue = venues.find(actor.operatorId(), e.venueId()).orElseThrow();
        DashboardFormats formats = new DashboardFormats(venue.timeZone(), pages.text(request).locale());
        List<MduViews.LogRow> log = List.of();
        String older = null;
        if (actor.can(Permission.READ_LOGS)) {
            List<EquipmentLogLine> lines = equipment.logPage(actor, id, beforeAt == null ? null : Instant.ofEpochMilli(beforeAt),
                    beforeId, PAGE + 1);
            List<EquipmentLogLine> shown = lines.subList(0, Math.min(PAGE, lines.size()));
            log = shown.stream().map(l -> new MduViews.LogRow(l.id(), formats.dateTime(l.entry().occurredAt()),
                    formats.iso(l.entry().occurredAt()), l.entry().functionName(),
                    String.valueOf(l.entry().event().getOrDefault("message", l.entry().event().toString())),
                    l.entry().administrator() == null ? "Portico" : l.entry().administrator())).toList();
            if (lines.size() > PAGE) {
                EquipmentLogLine last = shown.getLast();
                older = "/dashboard/mdu/equipment/" + id + "?beforeAt=" + last.entry().occurredAt().toEpochMilli() + "&beforeId=" + last.id();
            }
        }
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.equipment.title", e.name()));
        model.addAttribute("view", new MduViews.EquipmentView(venue, row(e), log, older, actor.can(Permission.READ_LOGS),
                actor.can(Permission.MANAGE_EQUIPMENT), done(request), venue.timeZone().getId(), form));
        return "dashboard/mdu-equipment";
    }

    private MduViews.EquipmentRow row(Equipment e) {
        return new MduViews.EquipmentRow(e, e.type() == EquipmentType.GATEWAY
                && "manual".equals(drivers.forEquipment(e.manufacturer(), e.connectionProtocol()).name()));
    }

    // ---- shared --------------------------------------------------------------------------------

    private Venue venue(Actor actor, String key) {
        actor.require(Permission.READ_CONFIGURATION);
        return venues.findByKey(actor.operatorId(), key).orElseThrow(() -> DashboardRefusal.notFound("error.unknown.venue", key));
    }

    private Unit unit(Actor actor, long id) {
        actor.require(Permission.READ_CONFIGURATION);
        return units.find(actor.operatorId(), id).orElseThrow(() -> DashboardRefusal.notFound("error.unknown.unit", id));
    }

    private Equipment equipment(Actor actor, long id) {
        actor.require(Permission.READ_CONFIGURATION);
        return equipment.find(actor.operatorId(), id).orElseThrow(() -> DashboardRefusal.notFound("error.unknown.equipment", id));
    }

    static String venuePath(Venue v) {
        return "/dashboard/mdu/venues/" + UriUtils.encodePathSegment(v.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Address address(Map<String, String> form) {
        return new Address(text(form, "line1"), text(form, "line2"), text(form, "city"), text(form, "state"),
                text(form, "postalCode"), text(form, "country"));
    }

    private static UnitPurpose purpose(Map<String, String> form) {
        return UnitPurpose.fromCode(text(form, "purpose")).orElseThrow(() -> PorticoException.invalid("purpose",
                "{purpose} must be wiredunit, localwireless or globalroaming."));
    }

    private static EquipmentDetails details(Map<String, String> form) {
        EquipmentType type = EquipmentType.fromLabel(text(form, "type")).orElseThrow(() -> PorticoException.invalid("equipmentType",
                "{equipmentType} must be one of Gateway, Switch, Access Point, Other."));
        return new EquipmentDetails(type, text(form, "manufacturer"), text(form, "model"), text(form, "protocol"),
                text(form, "ipAddress"), text(form, "username"), form.getOrDefault("password", ""), text(form, "status"));
    }

    static @Nullable String done(HttpServletRequest request) {
        String done = request.getParameter("done");
        return done != null && done.matches("[a-zA-Z]{1,30}") ? done : null;
    }

    static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        return DashboardScopes.byId(items, id);
    }

    static Optional<Venue> venueOf(List<Venue> venues, long id) {
        return venues.stream().filter(v -> v.id() == id).findFirst();
    }
}
