package io.portico.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Actor;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * The pages' menus of the operator's clients, venues, hotspots, units, equipment, service plans and
 * a client's guest plans, bounded: each
 * reads at most {@link #LIMIT} rows in SQL, scoped to the operator. Up to that many the page shows a
 * {@code <select>}; above it a name field with a {@code <datalist>} of the names starting with what was
 * typed, and {@code resolve} finds the one meant (an exact name, or the only name starting with the
 * text), or refuses with a message naming the text (no match, or several).
 */
@Component
class DashboardChoices {

    /** The most options a menu lists (and the most rows one reads). */
    static final int LIMIT = 200;

    private final TenantService tenants;
    private final VenueService venues;
    private final HotspotService hotspots;
    private final UnitService units;
    private final EquipmentService equipment;
    private final GuestPlanService guestPlans;
    private final PlanService plans;

    DashboardChoices(TenantService tenants, VenueService venues, HotspotService hotspots, UnitService units, EquipmentService equipment,
                     GuestPlanService guestPlans, PlanService plans) {
        this.guestPlans = guestPlans;
        this.plans = plans;
        this.tenants = tenants;
        this.venues = venues;
        this.hotspots = hotspots;
        this.units = units;
        this.equipment = equipment;
    }

    /** Where a menu's rows come from: a count, a bounded name-prefix query, and each row's value and label. */
    private record Source<T>(String kind, LongSupplier count, Function<String, List<T>> named, Function<T, String> value, Function<T, String> label,
                             Function<String, Optional<T>> byValue) {

        List<T> named(String prefix, int limit) {
            List<T> rows = named.apply(prefix);
            return rows.size() > limit ? rows.subList(0, limit) : rows;
        }
    }

    // ---- the operator's things ----

    private Source<Client> clientSource(Actor actor, int limit) {
        return new Source<>("client", () -> tenants.countClients(actor), p -> tenants.clientPage(actor, p, 0, limit).rows(),
                c -> Long.toString(c.id()), Client::company, v -> id(v).flatMap(id -> tenants.findClient(actor.operatorId(), id)));
    }

    private Source<Venue> venueSource(Actor actor, int limit) {
        return new Source<>("venue", () -> venues.count(actor), p -> venues.named(actor, p, limit), v -> Long.toString(v.id()), Venue::name,
                v -> id(v).flatMap(id -> venues.find(actor.operatorId(), id)));
    }

    private Source<Hotspot> hotspotSource(Actor actor, int limit) {
        return new Source<>("hotspot", () -> hotspots.count(actor), p -> hotspots.named(actor, p, limit), h -> Long.toString(h.id()),
                Hotspot::name, v -> id(v).flatMap(id -> hotspots.find(actor.operatorId(), id)));
    }

    private Source<Equipment> equipmentSource(Actor actor, int limit) {
        return new Source<>("equipment", () -> equipment.count(actor), p -> equipment.named(actor, p, limit), Equipment::key, Equipment::name,
                key -> equipment.findByKey(actor.operatorId(), key));
    }

    /** Units are named "venue · unit" (a unit's name repeats across venues). */
    private Source<Unit> unitSource(Actor actor, int limit, Map<Long, Venue> venueById) {
        Function<Unit, String> label = u -> venueOf(actor, u, venueById).map(Venue::name).orElse("?") + " · " + u.name();
        return new Source<>("unit", () -> units.count(actor.operatorId()), p -> units.named(actor.operatorId(), p, limit), Unit::key, label,
                key -> units.findByKey(actor.operatorId(), key));
    }

    private Optional<Venue> venueOf(Actor actor, Unit unit, Map<Long, Venue> venueById) {
        Venue venue = venueById.get(unit.venueId());
        if (venue == null) {
            venue = venues.find(actor.operatorId(), unit.venueId()).orElse(null);
            if (venue != null) {
                venueById.put(venue.id(), venue);
            }
        }
        return Optional.ofNullable(venue);
    }

    /**
     * A source scoped further than the operator (a client's venues, a venue's units...): instead of a
     * count, whether there are more than {@link #LIMIT} is read as one bounded query of LIMIT + 1 rows.
     */
    private static <T> Source<T> bounded(String kind, BiFunction<String, Integer, List<T>> named, int limit, Function<T, String> value,
                                         Function<T, String> label, Function<String, Optional<T>> byValue) {
        return new Source<>(kind, () -> named.apply("", LIMIT + 1).size(), p -> named.apply(p, limit), value, label, byValue);
    }

    private Source<Venue> clientVenueSource(Actor actor, long clientId, int limit) {
        return bounded("venue", (p, n) -> venues.named(actor, clientId, p, n), limit, v -> Long.toString(v.id()), Venue::name,
                v -> id(v).flatMap(id -> venues.find(actor.operatorId(), id)).filter(venue -> venue.clientId() == clientId));
    }

    private Source<Hotspot> clientHotspotSource(Actor actor, long clientId, int limit) {
        return bounded("hotspot", (p, n) -> hotspots.named(actor, clientId, p, n), limit, h -> Long.toString(h.id()), Hotspot::name,
                v -> id(v).flatMap(id -> hotspots.find(actor.operatorId(), id)).filter(h -> h.clientId() == clientId));
    }

    private Source<GuestPlan> guestPlanSource(Actor actor, long clientId, int limit) {
        return bounded("guestPlan", (p, n) -> guestPlans.namedGuestPlans(actor, clientId, p, n), limit, g -> Long.toString(g.id()),
                GuestPlan::name, v -> id(v).filter(id -> tenants.findClient(actor.operatorId(), clientId).isPresent())
                        .flatMap(id -> guestPlans.findPlan(clientId, id)));
    }

    private Source<SessionProfile> sessionProfileSource(Actor actor, long clientId, int limit) {
        return bounded("sessionProfile", (p, n) -> guestPlans.sessionProfilePage(actor, clientId, p, 0, n).rows(), limit,
                s -> Long.toString(s.id()), SessionProfile::name, v -> id(v).flatMap(id -> sessionProfile(actor, clientId, id)));
    }

    private Optional<SessionProfile> sessionProfile(Actor actor, long clientId, long id) {
        try {
            return Optional.of(guestPlans.sessionProfile(actor, clientId, id));
        } catch (PorticoException e) {
            if (e.problem() == Problem.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Source<ServicePlan> servicePlanSource(Actor actor, int limit) {
        return bounded("servicePlan", (p, n) -> plans.named(actor, p, n), limit, ServicePlan::key, p -> p.terms().name(),
                key -> plans.findByKey(actor.operatorId(), key));
    }

    /** A venue's units by their name (the live sessions' filter, once a venue is chosen). */
    private Source<Unit> venueUnitSource(Actor actor, long venueId, int limit) {
        return bounded("venueUnit", (p, n) -> units.named(actor.operatorId(), venueId, p, n), limit, u -> Long.toString(u.id()), Unit::name,
                v -> id(v).flatMap(id -> units.find(actor.operatorId(), id)).filter(u -> u.venueId() == venueId));
    }

    // ---- menus ----

    Choice clients(Actor actor, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(clientSource(actor, LIMIT), id, "client", selected == null ? null : selected.toString(), typed);
    }

    Choice venues(Actor actor, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(venueSource(actor, LIMIT), id, "venue", selected == null ? null : selected.toString(), typed);
    }

    Choice hotspots(Actor actor, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(hotspotSource(actor, LIMIT), id, "hotspot", selected == null ? null : selected.toString(), typed);
    }

    Choice equipment(Actor actor, String id, @Nullable String selectedKey, @Nullable String typed) {
        return choice(equipmentSource(actor, LIMIT), id, "equipmentKey", "equipmentName", selectedKey, typed);
    }

    /**
     * The subscriber form's unit menu: the select's labels add the VLAN and the venue's time zone; in
     * text mode the names are "venue · unit".
     */
    Choice units(Actor actor, String id, @Nullable String selectedKey, @Nullable String typed) {
        Map<Long, Venue> venueById = new HashMap<>();
        Source<Unit> source = unitSource(actor, LIMIT, venueById);
        if (source.count().getAsLong() > LIMIT) {
            return choice(source, id, "unit", selectedKey, typed);
        }
        Function<Unit, String> rich = u -> venueOf(actor, u, venueById).map(v -> v.name() + " · " + u.name() + " (VLAN " + u.vlan() + ", "
                + v.timeZone().getId() + ")").orElse(u.name());
        return choice(new Source<>(source.kind(), source.count(), source.named, Unit::key, rich, source.byValue()), id, "unit",
                selectedKey, typed);
    }

    /** A client's venues (the hotspot forms' venue menu). */
    Choice venuesOf(Actor actor, long clientId, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(clientVenueSource(actor, clientId, LIMIT), id, "venue", text(selected), typed);
    }

    /** A client's hotspots (the voucher batch form). */
    Choice hotspotsOf(Actor actor, long clientId, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(clientHotspotSource(actor, clientId, LIMIT), id, "hotspot", text(selected), typed);
    }

    /** A client's guest plans, sent as {@code param} (the portal's free plans, the voucher batch form). */
    Choice guestPlans(Actor actor, long clientId, String id, String param, @Nullable Long selected, @Nullable String typed) {
        return choice(guestPlanSource(actor, clientId, LIMIT), id, param, text(selected), typed);
    }

    /** A client's session profiles, sent as {@code profileId} (the guest plan forms). */
    Choice sessionProfiles(Actor actor, long clientId, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(sessionProfileSource(actor, clientId, LIMIT), id, "profileId", "profileName", text(selected), typed);
    }

    /** The operator's service plans by key (the subscriber forms). */
    Choice servicePlans(Actor actor, String id, @Nullable String selectedKey, @Nullable String typed) {
        return choice(servicePlanSource(actor, LIMIT), id, "plan", selectedKey, typed);
    }

    /** A venue's units (the live sessions' unit filter). */
    Choice unitsOf(Actor actor, long venueId, String id, @Nullable Long selected, @Nullable String typed) {
        return choice(venueUnitSource(actor, venueId, LIMIT), id, "unit", text(selected), typed);
    }

    private static @Nullable String text(@Nullable Long selected) {
        return selected == null ? null : selected.toString();
    }

    // ---- resolving a typed name ----

    Optional<Venue> venueOf(Actor actor, long clientId, @Nullable Long selected, @Nullable String typed) {
        return pick(clientVenueSource(actor, clientId, 4), text(selected), typed);
    }

    Optional<Hotspot> hotspotOf(Actor actor, long clientId, @Nullable Long selected, @Nullable String typed) {
        return pick(clientHotspotSource(actor, clientId, 4), text(selected), typed);
    }

    Optional<GuestPlan> guestPlan(Actor actor, long clientId, @Nullable Long selected, @Nullable String typed) {
        return pick(guestPlanSource(actor, clientId, 4), text(selected), typed);
    }

    Optional<SessionProfile> sessionProfile(Actor actor, long clientId, @Nullable Long selected, @Nullable String typed) {
        return pick(sessionProfileSource(actor, clientId, 4), text(selected), typed);
    }

    Optional<ServicePlan> servicePlan(Actor actor, @Nullable String selectedKey, @Nullable String typed) {
        return pick(servicePlanSource(actor, 4), selectedKey, typed);
    }

    Optional<Unit> unitOf(Actor actor, long venueId, @Nullable Long selected, @Nullable String typed) {
        return pick(venueUnitSource(actor, venueId, 4), text(selected), typed);
    }

    Optional<Client> client(Actor actor, @Nullable Long selected, @Nullable String typed) {
        return pick(clientSource(actor, 4), selected == null ? null : selected.toString(), typed);
    }

    Optional<Venue> venue(Actor actor, @Nullable Long selected, @Nullable String typed) {
        return pick(venueSource(actor, 4), selected == null ? null : selected.toString(), typed);
    }

    Optional<Hotspot> hotspot(Actor actor, @Nullable Long selected, @Nullable String typed) {
        return pick(hotspotSource(actor, 4), selected == null ? null : selected.toString(), typed);
    }

    Optional<Equipment> equipment(Actor actor, @Nullable String selectedKey, @Nullable String typed) {
        return pick(equipmentSource(actor, 4), selectedKey, typed);
    }

    Optional<Unit> unit(Actor actor, @Nullable String selectedKey, @Nullable String typed) {
        return pick(unitSource(actor, 4, new HashMap<>()), selectedKey, typed);
    }

    private <T> Choice choice(Source<T> source, String id, String param, @Nullable String selected, @Nullable String typed) {
        return choice(source, id, param, param + "Name", selected, typed);
    }

    private <T> Choice choice(Source<T> source, String id, String param, String nameParam, @Nullable String selected,
                              @Nullable String typed) {
        if (source.count().getAsLong() <= LIMIT) {
            List<Choice.Option> options = source.named("", LIMIT).stream()
                    .map(t -> new Choice.Option(source.value().apply(t), source.label().apply(t))).toList();
            return new Choice(id, param, nameParam, options, false, selected, "");
        }
        // The chosen row by its own name (once a typed name is resolved), else what was typed.
        String asTyped = typed == null ? "" : typed.strip();
        String shown = selected == null || selected.isBlank() ? asTyped
                : source.byValue().apply(selected).map(source.label()).orElse(asTyped);
        List<Choice.Option> options = source.named(shown, LIMIT).stream()
                .map(t -> new Choice.Option(source.value().apply(t), source.label().apply(t))).toList();
        return new Choice(id, param, nameParam, options, true, selected, shown);
    }

    /**
     * The row a menu sent: by its value when one was selected (another operator's or an unknown one
     * is refused as not found), else by the typed name; empty when neither was given.
     */
    private static <T> Optional<T> pick(Source<T> source, @Nullable String selected, @Nullable String typed) {
        if (typed != null && !typed.isBlank()) {
            return Optional.of(resolve(source, typed.strip()));
        }
        if (selected == null || selected.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(source.byValue().apply(selected)
                .orElseThrow(() -> DashboardRefusal.notFound("error.unknown." + source.kind(), selected)));
    }

    /** The one row named {@code typed} exactly (case-insensitive), or the only one whose name starts with it. */
    private static <T> T resolve(Source<T> source, String typed) {
        List<T> found = source.named(typed, 4);
        if (found.isEmpty()) {
            throw DashboardRefusal.invalid("choice.none." + source.kind(), typed);
        }
        List<T> exact = found.stream().filter(t -> source.label().apply(t).equalsIgnoreCase(typed)).toList();
        if (exact.size() == 1 || found.size() == 1) {
            return exact.size() == 1 ? exact.getFirst() : found.getFirst();
        }
        String names = String.join(", ", found.stream().limit(3).map(source.label()).toList()) + (found.size() > 3 ? ", …" : "");
        throw DashboardRefusal.invalid("choice.several." + source.kind(), typed, names);
    }

    private static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The client a page shows: the one asked for, else the first by name; empty when the operator has none. */
    Optional<Client> clientOrFirst(Actor actor, @Nullable Long selected, @Nullable String typed) {
        actor.require(Permission.READ_CONFIGURATION);
        Optional<Client> asked = client(actor, selected, typed);
        return asked.isPresent() ? asked : tenants.clientPage(actor, "", 0, 1).rows().stream().findFirst();
    }
}
