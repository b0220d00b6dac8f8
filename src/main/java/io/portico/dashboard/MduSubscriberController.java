package io.portico.dashboard;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.gateway.GatewayDrivers;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.platform.web.PageText;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.PendingVlanChange;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.Subscription;
import io.portico.subscription.SubscriberAccount;
import io.portico.subscription.SubscriptionService;
import io.portico.subscription.SubscriptionView;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Residents: search subscribers, a subscriber's page with its subscriptions (add one on a unit,
 * give a new key, move its dates, end it, change its plan), and the pending gateway VLAN changes
 * with "confirm" for gateways Portico cannot drive. The subscription and equipment services the
 * console API uses decide, audit and send the webhooks. Dates are in each venue's time zone.
 */
@Controller
@Hidden
class MduSubscriberController extends MduPages {

    private final SubscriptionService subscriptions;
    private final VenueService venues;
    private final UnitService units;
    private final PlanService plans;
    private final EquipmentService equipment;
    private final GatewayDrivers drivers;
    private final DashboardChoices choices;

    MduSubscriberController(DashboardPages pages, DashboardSessions sessions, SubscriptionService subscriptions, VenueService venues,
                            UnitService units, PlanService plans, EquipmentService equipment, GatewayDrivers drivers,
                            DashboardChoices choices) {
        super(pages, sessions);
        this.choices = choices;
        this.subscriptions = subscriptions;
        this.venues = venues;
        this.units = units;
        this.plans = plans;
        this.equipment = equipment;
        this.drivers = drivers;
    }

    // ---- search and add ------------------------------------------------------------------------

    @GetMapping("/dashboard/mdu/subscribers")
    String search(Actor actor, @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String after,
                  HttpServletRequest request, Model model) {
        return searchPage(actor, q, after, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/subscriptions")
    String add(Actor actor, @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
               Model model) {
        return change(request, response, form, "subscription-add", () -> {
            // The unit comes from the menu (its key) or, above the menu's limit, by its typed "venue · unit" name.
            String unitKey = choices.unit(actor, text(form, "unit"), text(form, "unitName")).map(Unit::key).orElse("");
            ZoneId zone = units.findByKey(actor.operatorId(), unitKey)
                    .flatMap(u -> venues.find(actor.operatorId(), u.venueId())).map(Venue::timeZone).orElse(ZoneOffset.UTC);
            String psk = text(form, "psk");
            NewKey wanted = new NewKey(unitKey, planKey(actor, form),
                    new SubscriberDetails(text(form, "email"), text(form, "givenName"), text(form, "familyName"),
                            text(form, "phone"), text(form, "locale"), false, true),
                    local(form, "start", zone, "startsAt"), local(form, "end", zone, "endsAt"), psk.isEmpty() ? null : psk);
            IssuedKey issued = clash(() -> subscriptions.addKey(actor, wanted), e -> keyClash(e)
                    .orElseGet(() -> DashboardRefusal.conflict("mdu.conflict.subscription-add", unitLabel(actor, unitKey))));
            return "redirect:" + subscriberPath(issued.subscriber().token()) + "?done=added";
        }, refused -> searchPage(actor, "", null, refused, request, model));
    }

    private String searchPage(Actor actor, String q, @Nullable String after, MduForm form, HttpServletRequest request, Model model) {
        Slice<Subscriber> shown = subscriptions.searchSubscribers(actor, q, Optional.ofNullable(after).filter(a -> !a.isBlank()), PAGE);
        DashboardFormats utc = new DashboardFormats(ZoneOffset.UTC, pages.text(request).locale());
        List<MduViews.SubscriberRow> rows = shown.rows().stream().map(s -> new MduViews.SubscriberRow(s.token(), s.email(),
                s.givenName() + " " + s.familyName(), s.phoneE164(), utc.date(s.createdAt()))).toList();
        String next = shown.more() ? UriComponentsBuilder.fromPath("/dashboard/mdu/subscribers").queryParam("q", q)
                .queryParam("after", shown.rows().getLast().token()).encode().build().toUriString() : null;
        Choice unitChoices = choices.units(actor, "sub-unit", form.value("subscription-add", "unit", ""),
                form.value("subscription-add", "unitName", ""));
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.subscribers.title"));
        model.addAttribute("view", new MduViews.SubscribersView(q, rows, next, unitChoices,
                choices.servicePlans(actor, "sub-plan", form.value("subscription-add", "plan", ""),
                        form.value("subscription-add", "planName", "")),
                actor.can(Permission.MANAGE_SUBSCRIBERS), "", form));
        return "dashboard/mdu-subscribers";
    }

    // ---- a subscriber and its subscriptions ----------------------------------------------------

    @GetMapping("/dashboard/mdu/subscribers/{token}")
    String subscriber(Actor actor, @PathVariable String token, HttpServletRequest request, Model model) {
        return subscriberPage(actor, token, MduForm.NONE, request, model);
    }

    @PostMapping("/dashboard/mdu/subscriptions/{id}/key")
    String newKey(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String token = owner(actor, id).subscriber().token();
        return change(request, response, form, "key-" + id, () -> {
            String psk = text(form, "psk");
            subscriptions.resetKey(actor, id, psk.isEmpty() ? null : psk);
            return "redirect:" + subscriberPath(token) + "?done=keyReplaced#subscription-" + id;
        }, refused -> subscriberPage(actor, token, refused, request, model));
    }

    @PostMapping("/dashboard/mdu/subscriptions/{id}/adjust")
    String adjust(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        SubscriptionView owner = owner(actor, id);
        ZoneId zone = zone(actor, owner.subscription());
        return change(request, response, form, "adjust-" + id, () -> {
            clash(() -> subscriptions.adjust(actor, id, local(form, "start", zone, "startsAt"), local(form, "end", zone, "endsAt"),
                    form.containsKey("removeEnd")), e -> DashboardRefusal.conflict("mdu.conflict.adjust", unitLabel(actor, owner.unit().key())));
            return "redirect:" + subscriberPath(owner.subscriber().token()) + "?done=adjusted#subscription-" + id;
        }, refused -> subscriberPage(actor, owner.subscriber().token(), refused, request, model));
    }

    @PostMapping("/dashboard/mdu/subscriptions/{id}/end")
    String end(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        SubscriptionView owner = owner(actor, id);
        return change(request, response, form, "end-" + id, () -> {
            subscriptions.end(actor, id, null);
            return "redirect:" + subscriberPath(owner.subscriber().token()) + "?done=ended#subscription-" + id;
        }, refused -> subscriberPage(actor, owner.subscriber().token(), refused, request, model));
    }

    @PostMapping("/dashboard/mdu/subscriptions/{id}/plan")
    String changePlan(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        SubscriptionView owner = owner(actor, id);
        return change(request, response, form, "plan-" + id, () -> {
            String planKey = planKey(actor, form);
            clash(() -> subscriptions.changePlan(actor, id, planKey), e -> DashboardRefusal.conflict("mdu.conflict.plan",
                    plans.findByKey(actor.operatorId(), planKey).map(p -> p.terms().name()).orElse(planKey)));
            return "redirect:" + subscriberPath(owner.subscriber().token()) + "?done=planChanged#subscription-" + id;
        }, refused -> subscriberPage(actor, owner.subscriber().token(), refused, request, model));
    }

    private String subscriberPage(Actor actor, String token, MduForm form, HttpServletRequest request, Model model) {
        SubscriberAccount account = subscriptions.subscriberByToken(actor, token)
                .orElseThrow(() -> PorticoException.notFound(pages.text(request).t("mdu.subscriber.unknown")));
        Subscriber s = account.subscriber();
        PageText text = pages.text(request);
        // The plan menu is bounded like every menu (each subscription's form shows it with its own plan chosen).
        Choice planMenu = choices.servicePlans(actor, "plan", null, null);
        Map<String, String> planNames = new java.util.HashMap<>();
        Map<Long, Optional<Venue>> venueById = new java.util.HashMap<>();
        List<MduViews.SubscriptionRow> rows = new ArrayList<>();
        for (Subscription owned : account.subscriptions()) {
            SubscriptionView v = subscriptions.view(actor.operatorId(), owned.id()).orElseThrow();
            planNames.computeIfAbsent(v.planKey(), key -> plans.findByKey(actor.operatorId(), key).map(p -> p.terms().name()).orElse(key));
            Subscription sub = v.subscription();
            Venue venue = venueById.computeIfAbsent(sub.venueId(), id -> venues.find(actor.operatorId(), id)).orElse(null);
            ZoneId zone = venue == null ? ZoneOffset.UTC : venue.timeZone();
            DashboardFormats f = new DashboardFormats(zone, text.locale());
            String state = v.state().name().toLowerCase(Locale.ROOT);
            rows.add(new MduViews.SubscriptionRow(sub.id(), venue == null ? "" : venue.name(),
                    venue == null ? "" : MduVenueController.venuePath(venue), v.unit().name(), v.unit().vlan(),
                    planNames.getOrDefault(v.planKey(), v.planKey()), v.planKey(), sub.psk(), text.t("mdu.state." + state),
                    switch (v.state()) { case ACTIVE -> "ok"; case FUTURE -> "warn"; case ENDED -> "bad"; },
                    f.dateTime(sub.startsAt()), sub.endsAt() == null ? text.t("mdu.noEnd") : f.dateTime(sub.endsAt()),
                    zone.getId(), localInput(sub.startsAt(), zone), localInput(sub.endsAt(), zone),
                    v.state() == Subscription.State.ENDED));
        }
        rows.sort(Comparator.comparing(MduViews.SubscriptionRow::id).reversed());
        DashboardFormats utc = new DashboardFormats(ZoneOffset.UTC, text.locale());
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.subscriber.title", s.email()));
        model.addAttribute("view", new MduViews.SubscriberView(s.token(), s.email(), s.givenName() + " " + s.familyName(),
                s.phoneE164(), s.locale(), utc.date(s.createdAt()), rows, planMenu, actor.can(Permission.MANAGE_SUBSCRIBERS),
                MduVenueController.done(request), form));
        return "dashboard/mdu-subscriber";
    }

    /** The service plan a form sent: picked from the menu (its key) or, above the menu's limit, typed by name. */
    private String planKey(Actor actor, Map<String, String> form) {
        return choices.servicePlan(actor, text(form, "plan"), text(form, "planName")).map(ServicePlan::key).orElse("");
    }

    /** A clash over a typed key: the key is never repeated back, the message says it is taken. */
    private static Optional<DashboardRefusal> keyClash(PorticoException e) {
        String template = e.template();
        return template != null && template.contains(PorticoException.ref("psk"))
                ? Optional.of(DashboardRefusal.conflict("mdu.conflict.key")) : Optional.<DashboardRefusal>empty();
    }

    /** A unit as the pages name it: "venue · unit". */
    private String unitLabel(Actor actor, String unitKey) {
        return units.findByKey(actor.operatorId(), unitKey).map(u -> venues.find(actor.operatorId(), u.venueId()).map(Venue::name)
                .orElse("") + " · " + u.name()).orElse(unitKey);
    }

    private SubscriptionView owner(Actor actor, long subscriptionId) {
        actor.require(Permission.READ_CONFIGURATION);
        return subscriptions.view(actor.operatorId(), subscriptionId)
                .orElseThrow(() -> DashboardRefusal.notFound("error.unknown.subscription", subscriptionId));
    }

    private ZoneId zone(Actor actor, Subscription s) {
        return venues.find(actor.operatorId(), s.venueId()).map(Venue::timeZone).orElse(ZoneOffset.UTC);
    }

    static String subscriberPath(String token) {
        return "/dashboard/mdu/subscribers/" + org.springframework.web.util.UriUtils.encodePathSegment(token,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- pending gateway VLAN changes ----------------------------------------------------------

    @GetMapping("/dashboard/mdu/vlan-changes")
    String vlanChanges(Actor actor, HttpServletRequest request, Model model) {
        PageText text = pages.text(request);
        List<PendingVlanChange> enables = subscriptions.pendingEnables(actor);
        List<PendingVlanChange> disables = subscriptions.pendingDisables(actor);
        // The venues and gateways of the pending changes only, not every venue and piece of equipment.
        Map<Long, Venue> venueById = new java.util.HashMap<>();
        List<Equipment> gateways = new ArrayList<>();
        for (PendingVlanChange p : java.util.stream.Stream.concat(enables.stream(), disables.stream()).toList()) {
            if (!venueById.containsKey(p.venueId())) {
                venues.find(actor.operatorId(), p.venueId()).ifPresent(v -> venueById.put(v.id(), v));
                gateways.addAll(equipment.gateways(actor.operatorId(), p.venueId()));
            }
        }
        model.addAttribute("page", pages.page(request, actor, DashboardSection.MDU, "mdu.vlan.title"));
        model.addAttribute("view", new MduViews.VlanChangesView(
                rows(enables, true, venueById, gateways, text),
                rows(disables, false, venueById, gateways, text),
                actor.can(Permission.MANAGE_EQUIPMENT), MduVenueController.done(request)));
        return "dashboard/mdu-vlan-changes";
    }

    @PostMapping("/dashboard/mdu/vlan-changes/confirm")
    String confirm(Actor actor, @RequestParam Map<String, String> form, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        return change(request, response, form, "confirm", () -> {
            Integer vlan = integer(form, "vlan", "vlan");
            if (vlan == null) {
                throw PorticoException.invalid("vlan", "{vlan} is required.");
            }
            equipment.confirmVlanState(actor, text(form, "gateway"), vlan, "true".equals(form.get("enabled")));
            return "redirect:/dashboard/mdu/vlan-changes?done=confirmed";
        }, refused -> {
            throw PorticoException.invalid(refused.error() == null ? "" : refused.error());
        });
    }

    private List<MduViews.VlanChangeRow> rows(List<PendingVlanChange> pending, boolean enable, Map<Long, Venue> venueById,
                                              List<Equipment> gateways, PageText text) {
        return pending.stream().map(p -> {
            Venue venue = venueById.get(p.venueId());
            ZoneId zone = venue == null ? ZoneOffset.UTC : venue.timeZone();
            DashboardFormats f = new DashboardFormats(zone, text.locale());
            List<MduViews.GatewayChoice> choices = gateways.stream().filter(g -> g.venueId() == p.venueId())
                    .filter(g -> equipment.confirmedVlanState(g.id(), p.vlan()).orElse(!enable) != enable)
                    .map(g -> new MduViews.GatewayChoice(g.key(), g.name(),
                            "manual".equals(drivers.forEquipment(g.manufacturer(), g.connectionProtocol()).name())))
                    .toList();
            String unit = units.find(venue == null ? 0 : venue.operatorId(), p.unitId()).map(Unit::name).orElse(p.unitKey());
            return new MduViews.VlanChangeRow(venue == null ? p.venueKey() : venue.name(),
                    venue == null ? "" : MduVenueController.venuePath(venue), unit, p.vlan(), p.subscriberEmail(),
                    f.dateTime(p.startsAt()) + " (" + zone.getId() + ")", p.endsAt() == null ? "" : f.dateTime(p.endsAt()), choices);
        }).toList();
    }
}
