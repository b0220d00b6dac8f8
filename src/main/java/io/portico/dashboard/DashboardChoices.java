package io.portico.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * The pages' menus of the operator's clients, venues, hotspots, units and equipment, bounded: each
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

    DashboardChoices(TenantService tenants, VenueService venues, HotspotService hotspots, UnitService units, EquipmentService equipment) {
        this.tenants = tenants;
        this.venues = venues;
        this.hotspots = hotspots;
        this.units = units;
        this.equipment = equipment;
    }

    /** Where a menu's rows come from: a count, a bounded name-prefix query, and each row's value and label. */
    private record Source<T>(String kind, long count, Function<String, List<T>> named, Function<T, String> value, Function<T, String> label,
                             Function<String, Optional<T>> byValue) {

        List<T> named(String prefix, int limit) {
            List<T> rows = named.apply(prefix);
            return rows.size() > limit ? rows.subList(0, limit) : rows;
        }
    }

    // ---- the operator's things ----

    private Source<Client> clientSource(Actor actor, int limit) {
        return new Source<>("client", tenants.countClients(actor), p -> tenants.clientPage(actor, p, 0, limit).rows(),
                c -> Long.toString(c.id()), Client::company, v -> id(v).flatMap(id -> tenants.findClient(actor.operatorId(), id)));
    }

    private Source<Venue> venueSource(Actor actor, int limit) {
        return new Source<>("venue", venues.count(actor), p -> venues.named(actor, p, limit), v -> Long.toString(v.id()), Venue::name,
                v -> id(v).flatMap(id -> venues.find(actor.operatorId(), id)));
    }

    private Source<Hotspot> hotspotSource(Actor actor, int limit) {
        return new Source<>("hotspot", hotspots.count(actor), p -> hotspots.named(actor, p, limit), h -> Long.toString(h.id()),
                Hotspot::name, v -> id(v).flatMap(id -> hotspots.find(actor.operatorId(), id)));
    }

    private Source<Equipment> equipmentSource(Actor actor, int limit) {
        return new Source<>("equipment", equipment.count(actor), p -> equipment.named(actor, p, limit), Equipment::key, Equipment::name,
                key -> equipment.findByKey(actor.operatorId(), key));
    }

    /** Units are named "venue · unit" (a unit's name repeats across venues). */
    private Source<Unit> unitSource(Actor actor, int limit, Map<Long, Venue> venueById) {
        Function<Unit, String> label = u -> venueOf(actor, u, venueById).map(Venue::name).orElse("?") + " · " + u.name();
        return new Source<>("unit", units.count(actor.operatorId()), p -> units.named(actor.operatorId(), p, limit), Unit::key, label,
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
        if (source.count() > LIMIT) {
            return choice(source, id, "unit", selectedKey, typed);
        }
        Function<Unit, String> rich = u -> venueOf(actor, u, venueById).map(v -> v.name() + " · " + u.name() + " (VLAN " + u.vlan() + ", "
                + v.timeZone().getId() + ")").orElse(u.name());
        return choice(new Source<>(source.kind(), source.count(), source.named, Unit::key, rich, source.byValue()), id, "unit",
                selectedKey, typed);
    }

    // ---- resolving a typed name ----

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
        if (source.count() <= LIMIT) {
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
