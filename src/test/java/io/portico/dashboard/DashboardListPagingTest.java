package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.guest.GuestPlan;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.identity.Administrator;
import io.portico.identity.ApiTokenInfo;
import io.portico.identity.IdentityService;
import io.portico.radius.NasClient;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.guest.GuestPlanService;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.NewHotspot;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.platform.Slice;
import io.portico.subscription.NewKey;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * The dashboard's venue, subscriber, service plan, hotspot, guest plan, unit, RADIUS client,
 * administrator and API token lists read a page at a time in SQL, and its menus are bounded: page 2 holds the rows after page 1 in the list's order, and another operator's rows
 * (created with names that would sort among them) never show. Names start with distinct letters so
 * the expected order is the same under H2's and PostgreSQL's collations.
 */
@PorticoIntegrationTest
class DashboardListPagingTest {

    @Autowired TenantService tenants;
    @Autowired VenueService venues;
    @Autowired UnitService units;
    @Autowired PlanService plans;
    @Autowired SubscriptionService subscriptions;
    @Autowired HotspotService hotspots;
    @Autowired GuestPlanService guestPlans;
    @Autowired Fixtures fixtures;
    @Autowired RadiusService radius;
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    private record Tenant(Operator operator, Client client, Actor staff) {
    }

    private Tenant tenant(String name) {
        Operator operator = tenants.createOperator("USA.MA.02139.PG" + Fixtures.unique() + ".TEST", name);
        Client client = tenants.createClient(operator.id(), name + " Properties", null);
        return new Tenant(operator, client, new Actor(operator.id(), 1, "staff@example.com", "Staff", Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM));
    }

    private Venue venue(Tenant t, String name) {
        return venues.add(t.operator().id(), new NewVenue(t.client().id(), name, new Address(name.length() + " Main St", "", "Cambridge",
                "MA", "02139", "USA"), NewVenue.zone("America/New_York"), ""));
    }

    private ServicePlan plan(Tenant t, String name) {
        return plans.add(t.operator().id(), new PlanChanges(name, 100_000L, 20_000L, 10, true, false, name + " plan", "", null, "", "", 0,
                730.5, List.of("USD"), Map.of("USD", 0L), 0, 0, 3600));
    }

    @Test
    void venuesPageByNameIgnoringCaseAndNeverShowAnotherOperators() {
        Tenant mine = tenant("Paging Venues");
        Tenant theirs = tenant("Other Venues");
        for (String name : List.of("delta", "Alpha", "echo", "Charlie", "bravo")) {
            venue(mine, name);
        }
        Venue foreign = venue(theirs, "Baker");

        Slice<Venue> first = venues.page(mine.staff(), Optional.empty(), 2);
        Slice<Venue> second = venues.page(mine.staff(), Optional.of(first.rows().getLast().key()), 2);
        Slice<Venue> third = venues.page(mine.staff(), Optional.of(second.rows().getLast().key()), 2);
        assertThat(first.rows()).extracting(Venue::name).containsExactly("Alpha", "bravo");
        assertThat(first.more()).isTrue();
        assertThat(second.rows()).extracting(Venue::name).containsExactly("Charlie", "delta");
        assertThat(third.rows()).extracting(Venue::name).containsExactly("echo");
        assertThat(third.more()).isFalse();
        assertThat(venues.count(mine.staff())).isEqualTo(5);
        // Another operator's venue key leads nowhere, and its venues are in no page.
        assertThat(venues.page(mine.staff(), Optional.of(foreign.key()), 2).rows()).isEmpty();
        assertThat(venues.page(theirs.staff(), Optional.empty(), 10).rows()).extracting(Venue::name).containsExactly("Baker");
    }

    @Test
    void subscribersPageByEmailWithTheSearchInTheSameQuery() {
        Tenant mine = tenant("Paging Residents");
        Tenant theirs = tenant("Other Residents");
        String tag = Fixtures.unique().toLowerCase();
        subscribe(mine, List.of("d", "a", "c", "b"), tag);
        subscribe(theirs, List.of("a", "bb"), tag);

        Slice<Subscriber> first = subscriptions.searchSubscribers(mine.staff(), "", Optional.empty(), 3);
        Slice<Subscriber> second = subscriptions.searchSubscribers(mine.staff(), "", Optional.of(first.rows().getLast().token()), 3);
        assertThat(first.rows()).extracting(Subscriber::email).containsExactly("a" + tag + "@example.com", "b" + tag + "@example.com",
                "c" + tag + "@example.com");
        assertThat(first.more()).isTrue();
        assertThat(second.rows()).extracting(Subscriber::email).containsExactly("d" + tag + "@example.com");
        assertThat(second.more()).isFalse();

        // Case-insensitive "contains" on the email or the name, a page at a time; % and _ are no wildcards.
        assertThat(subscriptions.searchSubscribers(mine.staff(), "C" + tag.toUpperCase(), Optional.empty(), 3).rows())
                .extracting(Subscriber::email).containsExactly("c" + tag + "@example.com");
        assertThat(subscriptions.searchSubscribers(mine.staff(), "rita " + tag, Optional.empty(), 3).rows()).hasSize(3);
        assertThat(subscriptions.searchSubscribers(mine.staff(), "%", Optional.empty(), 3).rows()).isEmpty();
        assertThat(subscriptions.searchSubscribers(theirs.staff(), "", Optional.empty(), 10).rows()).extracting(Subscriber::email)
                .containsExactly("a" + tag + "@example.com", "bb" + tag + "@example.com");
        Subscriber foreign = subscriptions.searchSubscribers(theirs.staff(), "", Optional.empty(), 1).rows().getFirst();
        assertThat(subscriptions.searchSubscribers(mine.staff(), "", Optional.of(foreign.token()), 3).rows()).isEmpty();
    }

    private void subscribe(Tenant t, List<String> prefixes, String tag) {
        Venue venue = venue(t, "Lofts");
        ServicePlan plan = plan(t, "Home");
        int n = 0;
        for (String prefix : prefixes) {
            Unit unit = units.add(t.operator().id(), venue.key(), new NewUnit("U" + n++, "1", "2", UnitPurpose.WIRED_UNIT, null, ""));
            subscriptions.addKey(t.operator().id(), new NewKey(unit.key(), plan.key(), new SubscriberDetails(prefix + tag + "@example.com",
                    "Rita " + tag, "Mar", "+15551230000", "en-us", false, true), null, null, null));
        }
    }

    @Test
    void servicePlansPageByName() {
        Tenant mine = tenant("Paging Plans");
        Tenant theirs = tenant("Other Plans");
        for (String name : List.of("Gold", "Bronze", "Platinum", "Silver")) {
            plan(mine, name);
        }
        plan(theirs, "Copper");
        Slice<ServicePlan> first = plans.page(mine.staff(), Optional.empty(), 2);
        Slice<ServicePlan> second = plans.page(mine.staff(), Optional.of(first.rows().getLast().key()), 2);
        assertThat(first.rows()).extracting(p -> p.terms().name()).containsExactly("Bronze", "Gold");
        assertThat(second.rows()).extracting(p -> p.terms().name()).containsExactly("Platinum", "Silver");
        assertThat(second.more()).isFalse();
        assertThat(second.rows().getFirst().terms().prices()).containsEntry("USD", 0L);
    }

    @Test
    void hotspotsAndGuestPlansPageByNameWithinTheOperatorsClient() {
        Tenant mine = tenant("Paging Hotspots");
        Tenant theirs = tenant("Other Hotspots");
        Venue venue = venue(mine, "Mall");
        Venue foreignVenue = venue(theirs, "Mall");
        for (String name : List.of("Food court", "Atrium", "East wing", "Cinema", "Deck")) {
            hotspots.add(mine.operator().id(), new NewHotspot(mine.client().id(), venue.id(), name, "nas-" + Fixtures.unique()));
        }
        hotspots.add(theirs.operator().id(), new NewHotspot(theirs.client().id(), foreignVenue.id(), "Bazaar", "nas-" + Fixtures.unique()));

        assertThat(hotspots.page(mine.staff(), mine.client().id(), 1, 2).rows()).extracting(Hotspot::name).containsExactly("Deck", "East wing");
        assertThat(hotspots.page(mine.staff(), mine.client().id(), 1, 2).more()).isTrue();
        assertThat(hotspots.page(mine.staff(), mine.client().id(), 2, 2).rows()).extracting(Hotspot::name).containsExactly("Food court");
        assertThat(hotspots.page(mine.staff(), mine.client().id(), 2, 2).more()).isFalse();
        assertThatThrownBy(() -> hotspots.page(mine.staff(), theirs.client().id(), 0, 2)).isInstanceOf(PorticoException.class);
        assertThatThrownBy(() -> hotspots.page(mine.staff(), mine.client().id(), -1, 2)).isInstanceOf(PorticoException.class);

        SessionProfile profile = guestPlans.addSessionProfile(mine.staff(), mine.client().id(), "Standard", Duration.ofHours(1), null, null,
                null, null);
        for (String name : List.of("Week", "Day", "Hour", "Month")) {
            guestPlans.addGuestPlan(mine.staff(), mine.client().id(), profile.id(), name, Duration.ofHours(1), 0, "USD");
        }
        SessionProfile foreignProfile = guestPlans.addSessionProfile(theirs.staff(), theirs.client().id(), "Standard", Duration.ofHours(1),
                null, null, null, null);
        guestPlans.addGuestPlan(theirs.staff(), theirs.client().id(), foreignProfile.id(), "Evening", Duration.ofHours(1), 0, "USD");
        assertThat(guestPlans.guestPlanPage(mine.staff(), mine.client().id(), 1, 3).rows()).extracting(GuestPlan::name)
                .containsExactly("Week");
        assertThat(guestPlans.guestPlanPage(mine.staff(), mine.client().id(), 0, 3).rows()).extracting(GuestPlan::name)
                .containsExactly("Day", "Hour", "Month");
        assertThatThrownBy(() -> guestPlans.guestPlanPage(mine.staff(), theirs.client().id(), 0, 3)).isInstanceOf(PorticoException.class);
    }

    @Test
    void theBuildingsPageShowsPageTwoThroughItsNextLink() {
        Tenant mine = tenant("Paging Pages");
        Tenant theirs = tenant("Other Pages");
        List<String> names = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            names.add("Venue " + c + c);
        }
        names.forEach(name -> venue(mine, name));
        venue(theirs, "Venue zz foreign");
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));
        Http.Response first = http.get("/dashboard/mdu", "Cookie", session.cookieHeader());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw()).contains("Venue aa", "Venue yy").doesNotContain("Venue zz");
        Matcher next = Pattern.compile("id=\"next-venues\" href=\"([^\"]+)\"").matcher(first.raw());
        assertThat(next.find()).isTrue();
        Http.Response second = http.get(next.group(1).replace("&amp;", "&"), "Cookie", session.cookieHeader());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw()).contains("Venue zz").doesNotContain("Venue aa", "Venue yy", "Venue zz foreign", "id=\"next-venues\"");

        // A clash is worded by the dashboard in the page's language (the venue module words it in English only).
        String token = DashboardSessionTest.formToken(first.raw());
        var builder = http.builder("/dashboard/mdu/venues?lang=es-xl", "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", session.cookieHeader());
        String form = "_csrf=" + token + "&client=" + mine.client().id() + "&name=Venue+aa&line1=8+Main+St&line2=&city=Cambridge"
                + "&state=MA&postalCode=02139&country=USA&timeZone=America%2FNew_York&externalId=";
        Http.Response clash = http.send(builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(shown(clash.raw())).contains("Ya existe una sede llamada 'Venue aa' en 8 Main St, Cambridge para este cliente.")
                .doesNotContain("already exists");
    }

    /** The page's text as a person reads it (JTE escapes quotes in what it writes). */
    private static String shown(String html) {
        return html.replace("&#39;", "'").replace("&#34;", "\"").replace("&amp;", "&");
    }

    @Test
    void sessionProfilesAndClientsPageByNameWithTheSearchInTheSameQuery() {
        Tenant mine = tenant("Paging Profiles");
        Tenant theirs = tenant("Other Profiles");
        for (String name : List.of("Gold", "bronze", "Platinum", "Silver", "Basic")) {
            guestPlans.addSessionProfile(mine.staff(), mine.client().id(), name, Duration.ofHours(1), null, null, null, null);
        }
        guestPlans.addSessionProfile(theirs.staff(), theirs.client().id(), "Bonus", Duration.ofHours(1), null, null, null, null);

        Slice<SessionProfile> first = guestPlans.sessionProfilePage(mine.staff(), mine.client().id(), "", 0, 2);
        assertThat(first.rows()).extracting(SessionProfile::name).containsExactly("Basic", "bronze");
        assertThat(first.more()).isTrue();
        assertThat(guestPlans.sessionProfilePage(mine.staff(), mine.client().id(), "", 2, 2).rows()).extracting(SessionProfile::name)
                .containsExactly("Silver");
        assertThat(guestPlans.sessionProfilePage(mine.staff(), mine.client().id(), "", 2, 2).more()).isFalse();
        // A case-insensitive prefix, in the same query; LIKE's wildcards are plain characters.
        assertThat(guestPlans.sessionProfilePage(mine.staff(), mine.client().id(), "B", 0, 10).rows()).extracting(SessionProfile::name)
                .containsExactly("Basic", "bronze");
        assertThat(guestPlans.sessionProfilePage(mine.staff(), mine.client().id(), "%", 0, 10).rows()).isEmpty();
        assertThatThrownBy(() -> guestPlans.sessionProfilePage(mine.staff(), theirs.client().id(), "", 0, 2))
                .isInstanceOf(PorticoException.class);

        for (String company : List.of("Delta Inns", "alpha Hotels", "Charlie Cafés")) {
            tenants.createClient(mine.operator().id(), company, null);
        }
        tenants.createClient(theirs.operator().id(), "Bravo Bars", null);
        Slice<Client> clients = tenants.clientPage(mine.staff(), "", 0, 3);
        assertThat(clients.rows()).extracting(Client::company).containsExactly("alpha Hotels", "Charlie Cafés", "Delta Inns");
        assertThat(clients.more()).isTrue();
        assertThat(tenants.clientPage(mine.staff(), "", 1, 3).rows()).extracting(Client::company).containsExactly("Paging Profiles Properties");
        assertThat(tenants.clientPage(mine.staff(), "b", 0, 10).rows()).isEmpty();
        assertThat(tenants.clientPage(mine.staff(), "ALPHA", 0, 10).rows()).extracting(Client::company).containsExactly("alpha Hotels");
        assertThat(tenants.countClients(mine.staff())).isEqualTo(4);

        // The pages: page two of the clients list through its link, and the profiles' search.
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));
        for (int i = 0; i < 50; i++) {
            tenants.createClient(mine.operator().id(), "Echo " + (100 + i), null);
        }
        Http.Response list = http.get("/dashboard/setup/clients?q=echo", "Cookie", session.cookieHeader());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).contains("Echo 100", "Echo 149").doesNotContain("alpha Hotels", "Bravo Bars");
        assertThat(http.get("/dashboard/setup/clients?page=1", "Cookie", session.cookieHeader()).raw())
                .contains("Echo 149", "Paging Profiles Properties").doesNotContain("alpha Hotels", "Bravo Bars");
        Http.Response profiles = http.get("/dashboard/setup/session-profiles?client=" + mine.client().id() + "&q=s",
                "Cookie", session.cookieHeader());
        assertThat(profiles.raw()).contains("Silver").doesNotContain("Gold", "Basic", "Bonus");
        assertThat(http.get("/dashboard/setup/session-profiles?client=" + theirs.client().id(), "Cookie", session.cookieHeader()).status())
                .isEqualTo(404);
    }

    @Test
    void menusOfMoreThanTheLimitBecomeANameFieldResolvedOnTheServer() {
        Tenant mine = tenant("Paging Menus");
        Tenant theirs = tenant("Other Menus");
        Venue venue = venue(mine, "Lofts");
        venue(theirs, "Lofts East");
        hotspots.add(theirs.operator().id(), new NewHotspot(theirs.client().id(), venue(theirs, "Mall").id(), "Zeta foreign",
                "nas-" + Fixtures.unique()));
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));

        // Up to the limit: a select of the operator's hotspots only.
        hotspots.add(mine.operator().id(), new NewHotspot(mine.client().id(), venue.id(), "Zeta lobby", "nas-" + Fixtures.unique()));
        String small = http.get("/dashboard/sessions", "Cookie", session.cookieHeader()).raw();
        assertThat(small).contains("<select id=\"filter-hotspot\" name=\"hotspot\">", "Zeta lobby").doesNotContain("Zeta foreign");

        Unit zOne = units.add(mine.operator().id(), venue.key(), new NewUnit("Z-1", "A", "1", UnitPurpose.WIRED_UNIT, 999, ""));
        // A venue's units: a select once the venue is chosen, none before.
        assertThat(small).contains("<select name=\"unit\" id=\"filter-unit\"", "id=\"unit-hint\"").doesNotContain(">Z-1</option>");
        assertThat(http.get("/dashboard/sessions?venue=" + venue.id(), "Cookie", session.cookieHeader()).raw())
                .contains("<select id=\"filter-unit\" name=\"unit\"", ">Z-1</option>");
        Hotspot hallOne = null;
        for (int i = 1; i <= DashboardChoices.LIMIT; i++) {
            Hotspot hall = hotspots.add(mine.operator().id(), new NewHotspot(mine.client().id(), venue.id(), "Hall " + i,
                    "nas-" + Fixtures.unique()));
            hallOne = i == 1 ? hall : hallOne;
            units.add(mine.operator().id(), venue.key(), new NewUnit("U" + i, "A", "1", UnitPurpose.WIRED_UNIT, 1000 + i, ""));
        }
        Http.Response big = http.get("/dashboard/sessions", "Cookie", session.cookieHeader());
        assertThat(big.status()).isEqualTo(200);
        assertThat(big.raw()).contains("<input id=\"filter-hotspot\" name=\"hotspotName\" list=\"filter-hotspot-names\"")
                .doesNotContain("<select id=\"filter-hotspot\"");
        assertThat(Pattern.compile("<option value=\"Hall ").matcher(big.raw()).results().count()).isEqualTo(DashboardChoices.LIMIT);

        // An exact name wins over longer ones; a prefix shared by several, or matching nothing (or another operator's), is refused by name.
        Http.Response exact = http.get("/dashboard/sessions?hotspotName=hall+1", "Cookie", session.cookieHeader());
        assertThat(exact.status()).isEqualTo(200);
        assertThat(exact.raw()).contains("name=\"hotspotName\" list=\"filter-hotspot-names\" value=\"Hall 1\"",
                "/dashboard/sessions/live?hotspot=" + hallOne.id());
        assertThat(http.get("/dashboard/sessions?hotspotName=Zeta", "Cookie", session.cookieHeader()).status()).isEqualTo(200);
        Http.Response several = http.get("/dashboard/sessions?hotspotName=hall&lang=en-us", "Cookie", session.cookieHeader());
        assertThat(several.status()).isEqualTo(400);
        assertThat(shown(several.raw())).contains("'hall' matches several hotspots (Hall 1, Hall 10, Hall 100, …)");
        Http.Response none = http.get("/dashboard/sessions?hotspotName=Zeta+foreign&lang=es-xl", "Cookie", session.cookieHeader());
        assertThat(none.status()).isEqualTo(400);
        assertThat(shown(none.raw())).contains("Ningún hotspot tiene un nombre que empiece por 'Zeta foreign'.");

        // The venue's units above the limit: a name typed, resolved within the venue.
        Http.Response unitsOfVenue = http.get("/dashboard/sessions?venue=" + venue.id(), "Cookie", session.cookieHeader());
        assertThat(unitsOfVenue.raw()).contains("<input id=\"filter-unit\" name=\"unitName\" list=\"filter-unit-names\"")
                .doesNotContain("<select id=\"filter-unit\"");
        assertThat(http.get("/dashboard/sessions?venue=" + venue.id() + "&unitName=z-1", "Cookie", session.cookieHeader()).raw())
                .contains("value=\"Z-1\"", "unit=" + zOne.id());
        Http.Response severalUnits = http.get("/dashboard/sessions?venue=" + venue.id() + "&unitName=u&lang=en-us", "Cookie",
                session.cookieHeader());
        assertThat(severalUnits.status()).isEqualTo(400);
        assertThat(shown(severalUnits.raw())).contains("'u' matches several units of this venue (U1, U10, U100, …)");

        // The subscriber form's units: "venue · unit" typed, resolved to the unit; a refused name keeps the form.
        ServicePlan plan = plan(mine, "Home");
        Http.Response form = http.get("/dashboard/mdu/subscribers", "Cookie", session.cookieHeader());
        assertThat(form.raw()).contains("name=\"unitName\"").doesNotContain("<select id=\"sub-unit\"");
        String token = DashboardSessionTest.formToken(form.raw());
        Http.Response added = post(http, session, "/dashboard/mdu/subscriptions", "_csrf=" + token + "&unitName=Lofts+%C2%B7+U1&plan="
                + plan.key() + "&email=u1" + Fixtures.unique().toLowerCase() + "%40example.com&givenName=Ana&familyName=Lima&phone=&locale=en-us"
                + "&start=&end=&psk=");
        assertThat(added.status()).isEqualTo(302);
        String subscriber = http.get(added.header("Location").replaceFirst("^https?://[^/]+", ""), "Cookie", session.cookieHeader()).raw();
        assertThat(subscriber).contains("Lofts</a> · U1 (VLAN 1001)");
        Http.Response ambiguous = post(http, session, "/dashboard/mdu/subscriptions?lang=en-us", "_csrf=" + token
                + "&unitName=Lofts+%C2%B7+U&plan=" + plan.key() + "&email=x%40example.com&givenName=A&familyName=B&locale=en-us");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(shown(ambiguous.raw())).contains("'Lofts · U' matches several units (Lofts · U1, Lofts · U10, Lofts · U100, …)")
                .contains("value=\"Lofts · U\"");
    }

    @Test
    void aVenuesUnitsPageByBuildingFloorAndNameWithTheSearchInTheSameQuery() {
        Tenant mine = tenant("Paging Units");
        Venue venue = venue(mine, "Tower");
        // Another operator's venue of the same name, whose unit sorts among mine.
        Venue foreign = venue(tenant("Other Units"), "Tower");
        for (int i = 1; i <= 53; i++) {
            units.add(mine.operator().id(), venue.key(), new NewUnit("U%03d".formatted(i), i <= 50 ? "A" : "North", "1",
                    UnitPurpose.WIRED_UNIT, null, ""));
        }
        units.add(foreign.operatorId(), foreign.key(), new NewUnit("U999", "A", "1", UnitPurpose.WIRED_UNIT, null, ""));

        Slice<Unit> first = units.page(mine.operator().id(), venue.id(), "", 0, MduVenueController.UNITS_PAGE);
        assertThat(first.rows()).hasSize(50).extracting(Unit::name).startsWith("U001", "U002").endsWith("U050");
        assertThat(first.more()).isTrue();
        Slice<Unit> second = units.page(mine.operator().id(), venue.id(), "", 1, MduVenueController.UNITS_PAGE);
        assertThat(second.rows()).extracting(Unit::name).containsExactly("U051", "U052", "U053");
        assertThat(second.more()).isFalse();
        // The search is a case-insensitive prefix of the name, building or floor, in the same query; LIKE's wildcards are plain.
        assertThat(units.page(mine.operator().id(), venue.id(), "nor", 0, 50).rows()).extracting(Unit::name)
                .containsExactly("U051", "U052", "U053");
        assertThat(units.page(mine.operator().id(), venue.id(), "u00", 0, 50).rows()).hasSize(9);
        assertThat(units.page(mine.operator().id(), venue.id(), "%", 0, 50).rows()).isEmpty();
        assertThat(units.page(mine.operator().id(), foreign.id(), "", 0, 50).rows()).isEmpty();

        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));
        Http.Response page = http.get(MduVenueController.venuePath(venue), "Cookie", session.cookieHeader());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains(">U001</a>", ">U050</a>", "<label for=\"unit-search\">").doesNotContain(">U051</a>", "U999");
        Http.Response next = http.get(nextPage(page.raw()), "Cookie", session.cookieHeader());
        assertThat(next.raw()).contains(">U051</a>", ">U053</a>", "id=\"previous-page\"").doesNotContain(">U001</a>", "id=\"next-page\"");
        Http.Response searched = http.get(MduVenueController.venuePath(venue) + "?q=NORTH", "Cookie", session.cookieHeader());
        assertThat(searched.raw()).contains(">U051</a>", ">U053</a>", "value=\"NORTH\"").doesNotContain(">U001</a>", "id=\"next-page\"");
    }

    /** The pager's next link of a page (the shared {@code setup-pager} fragment). */
    private static String nextPage(String html) {
        Matcher next = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"").matcher(html);
        assertThat(next.find()).as("a next-page link").isTrue();
        return next.group(1).replace("&amp;", "&");
    }

    @Test
    void radiusClientsAdministratorsAndApiTokensPageInSqlWithTheirSearch() {
        Tenant mine = tenant("Paging Settings");
        Tenant theirs = tenant("Other Settings");
        String tag = Fixtures.unique().toLowerCase();
        Hotspot lobby = hotspots.add(mine.operator().id(), new NewHotspot(mine.client().id(), venue(mine, "Hall").id(), "Lobby",
                "nas-" + Fixtures.unique()));
        Hotspot foreignLobby = hotspots.add(theirs.operator().id(), new NewHotspot(theirs.client().id(), venue(theirs, "Hall").id(),
                "Lobby", "nas-" + Fixtures.unique()));
        for (int i = 1; i <= 52; i++) {
            radius.register(mine.staff(), new NewNasClient(mine.operator().id(), "Nas %03d".formatted(i), NasNetwork.parse("10.1." + i + ".0/24"),
                    "nas-" + tag + "-" + i, "shared-secret-1", Optional.of(lobby.id()), Optional.empty(), 3799));
        }
        radius.register(theirs.staff(), new NewNasClient(theirs.operator().id(), "Nas 000 foreign", NasNetwork.parse("10.1.7.0/24"),
                "nas-" + tag + "-foreign", "shared-secret-1", Optional.of(foreignLobby.id()), Optional.empty(), 3799));

        Slice<NasClient> nas = radius.clientPage(mine.staff(), "", 0, 50);
        assertThat(nas.rows()).hasSize(50).extracting(NasClient::name).startsWith("Nas 001").endsWith("Nas 050");
        assertThat(nas.more()).isTrue();
        assertThat(radius.clientPage(mine.staff(), "", 1, 50).rows()).extracting(NasClient::name).containsExactly("Nas 051", "Nas 052");
        assertThat(radius.clientPage(mine.staff(), "10.1.7.", 0, 50).rows()).extracting(NasClient::name).containsExactly("Nas 007");
        assertThat(radius.clientPage(mine.staff(), "NAS-" + tag + "-5", 0, 50).rows()).extracting(NasClient::name)
                .containsExactly("Nas 005", "Nas 050", "Nas 051", "Nas 052");

        for (int i = 1; i <= 51; i++) {
            identity.createAdministrator(mine.staff(), "a%02d-%s@example.com".formatted(i, tag), "Rita %02d".formatted(i), Fixtures.PASSWORD,
                    Set.of(Role.CUSTOMER_SUPPORT));
        }
        identity.createAdministrator(theirs.staff(), "a00-" + tag + "@example.com", "Rita 00", Fixtures.PASSWORD, Set.of(Role.CUSTOMER_SUPPORT));
        String signedIn = fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS);
        Slice<Administrator> admins = identity.administratorPage(mine.staff(), "", 0, 50);
        assertThat(admins.rows()).hasSize(50).extracting(Administrator::email).startsWith("a01-" + tag + "@example.com")
                .endsWith("a50-" + tag + "@example.com");
        assertThat(admins.rows().getFirst().roles()).containsExactly(Role.CUSTOMER_SUPPORT);
        assertThat(identity.administratorPage(mine.staff(), "", 1, 50).rows()).extracting(Administrator::email)
                .containsExactly("a51-" + tag + "@example.com", signedIn);
        assertThat(identity.administratorPage(mine.staff(), "rita 4", 0, 50).rows()).hasSize(10);
        assertThat(identity.administratorPage(mine.staff(), "A05-", 0, 50).rows()).extracting(Administrator::displayName)
                .containsExactly("Rita 05");

        for (int i = 1; i <= 51; i++) {
            identity.issueApiToken(mine.staff(), mine.client().id(), "Token %02d".formatted(i));
        }
        identity.issueApiToken(theirs.staff(), theirs.client().id(), "Token 99");
        Slice<ApiTokenInfo> tokens = identity.apiTokenPage(mine.staff(), mine.client().id(), 0, 50);
        assertThat(tokens.rows()).hasSize(50).extracting(ApiTokenInfo::label).startsWith("Token 51").endsWith("Token 02");
        assertThat(identity.apiTokenPage(mine.staff(), mine.client().id(), 1, 50).rows()).extracting(ApiTokenInfo::label)
                .containsExactly("Token 01");
        assertThatThrownBy(() -> identity.apiTokenPage(mine.staff(), theirs.client().id(), 0, 50)).isInstanceOf(PorticoException.class);

        // The pages: one page each with a next link, and the searches; another operator's rows never show.
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, signedIn);
        String cookie = session.cookieHeader();
        Http.Response radiusPage = http.get("/dashboard/settings/radius-clients", "Cookie", cookie);
        assertThat(radiusPage.raw()).contains("Nas 001", "Nas 050", "<label for=\"nas-search\">").doesNotContain("Nas 051", "foreign");
        assertThat(http.get(nextPage(radiusPage.raw()), "Cookie", cookie).raw()).contains("Nas 051", "Nas 052").doesNotContain("Nas 001");
        assertThat(http.get("/dashboard/settings/radius-clients?q=10.1.7.", "Cookie", cookie).raw()).contains("Nas 007")
                .doesNotContain("Nas 001", "foreign", "id=\"next-page\"");

        Http.Response adminPage = http.get("/dashboard/settings/administrators", "Cookie", cookie);
        assertThat(adminPage.raw()).contains("a01-" + tag, "a50-" + tag).doesNotContain("a51-" + tag, "a00-" + tag);
        assertThat(http.get(nextPage(adminPage.raw()), "Cookie", cookie).raw()).contains("a51-" + tag, signedIn).doesNotContain("a01-" + tag);
        assertThat(http.get("/dashboard/settings/administrators?q=Rita+0", "Cookie", cookie).raw()).contains("a09-" + tag)
                .doesNotContain("a10-" + tag, "a00-" + tag);

        String clientPath = "/dashboard/setup/clients/" + mine.client().id();
        Http.Response clientPage = http.get(clientPath, "Cookie", cookie);
        assertThat(clientPage.raw()).contains("Token 51", "Token 02").doesNotContain("Token 01", "Token 99");
        assertThat(http.get(nextPage(clientPage.raw()), "Cookie", cookie).raw()).contains("Token 01").doesNotContain("Token 02");
    }

    @Test
    void aClientsMenusOfMoreThanTheLimitBecomeNameFieldsResolvedOnTheServer() {
        Tenant mine = tenant("Paging Client Menus");
        Tenant theirs = tenant("Other Client Menus");
        Venue lofts = venue(mine, "Lofts");
        Hotspot lobby = hotspots.add(mine.operator().id(), new NewHotspot(mine.client().id(), lofts.id(), "Lobby", "nas-" + Fixtures.unique()));
        SessionProfile standard = guestPlans.addSessionProfile(mine.staff(), mine.client().id(), "Standard", Duration.ofHours(1), null, null,
                null, null);
        guestPlans.addGuestPlan(mine.staff(), mine.client().id(), standard.id(), "Day", Duration.ofDays(1), 0, "USD");
        venue(theirs, "Venue foreign");
        SessionProfile foreignProfile = guestPlans.addSessionProfile(theirs.staff(), theirs.client().id(), "Profile foreign",
                Duration.ofHours(1), null, null, null, null);
        guestPlans.addGuestPlan(theirs.staff(), theirs.client().id(), foreignProfile.id(), "Plan foreign", Duration.ofHours(1), 0, "USD");
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));
        String cookie = session.cookieHeader();
        String client = "client=" + mine.client().id();
        String hotspotPath = "/dashboard/setup/hotspots/" + lobby.id();

        // Up to the limit: selects of this client's rows only.
        assertThat(http.get("/dashboard/setup/hotspots?" + client, "Cookie", cookie).raw())
                .contains("<select id=\"hotspot-venue\" name=\"venue\"", ">Lofts</option>").doesNotContain("Venue foreign");
        assertThat(http.get(hotspotPath, "Cookie", cookie).raw()).contains("<select id=\"plan-click\" name=\"clickThroughPlan\"", ">Day</option>")
                .doesNotContain("Plan foreign");
        assertThat(http.get("/dashboard/vouchers?" + client, "Cookie", cookie).raw())
                .contains("<select id=\"batch-plan\" name=\"plan\"", "<select id=\"batch-hotspot\" name=\"hotspot\"");
        assertThat(http.get("/dashboard/setup/guest-plans?" + client, "Cookie", cookie).raw())
                .contains("<select id=\"plan-profile\" name=\"profileId\"", ">Standard</option>").doesNotContain("Profile foreign");

        List<GuestPlan> plans = new ArrayList<>();
        List<SessionProfile> profiles = new ArrayList<>();
        List<Venue> clientVenues = new ArrayList<>();
        for (int i = 1; i <= DashboardChoices.LIMIT; i++) {
            clientVenues.add(venue(mine, "Venue %03d".formatted(i)));
            SessionProfile profile = guestPlans.addSessionProfile(mine.staff(), mine.client().id(), "Profile %03d".formatted(i),
                    Duration.ofHours(1), null, null, null, null);
            profiles.add(profile);
            plans.add(guestPlans.addGuestPlan(mine.staff(), mine.client().id(), profile.id(), "Plan %03d".formatted(i), Duration.ofHours(1),
                    0, "USD"));
            hotspots.add(mine.operator().id(), new NewHotspot(mine.client().id(), lofts.id(), "Hall %03d".formatted(i), "nas-" + Fixtures.unique()));
        }

        // The hotspot forms' venue: typed, resolved within the client; several or none are refused by name.
        Http.Response list = http.get("/dashboard/setup/hotspots?" + client, "Cookie", cookie);
        assertThat(list.raw()).contains("<input id=\"hotspot-venue\" name=\"venueName\" list=\"hotspot-venue-names\"")
                .doesNotContain("<select id=\"hotspot-venue\"", "Venue foreign");
        String token = DashboardSessionTest.formToken(list.raw());
        String nas = "nas-" + Fixtures.unique();
        Http.Response added = post(http, session, "/dashboard/setup/hotspots", "_csrf=" + token + "&" + client
                + "&name=Annex&venueName=venue+007&nasIdentifier=" + nas);
        assertThat(added.status()).isEqualTo(302);
        assertThat(hotspots.findByNasIdentifier(mine.operator().id(), nas).orElseThrow().venueId()).isEqualTo(clientVenues.get(6).id());
        assertThat(shown(post(http, session, "/dashboard/setup/hotspots?lang=en-us", "_csrf=" + token + "&" + client
                + "&name=Annex+2&venueName=Venue+0&nasIdentifier=nas-" + Fixtures.unique()).raw()))
                .contains("'Venue 0' matches several venues (Venue 001, Venue 002, Venue 003, …)");
        assertThat(shown(post(http, session, "/dashboard/setup/hotspots?lang=es-xl", "_csrf=" + token + "&" + client
                + "&name=Annex+3&venueName=Venue+foreign&nasIdentifier=nas-" + Fixtures.unique()).raw()))
                .contains("Ninguna sede tiene un nombre que empiece por 'Venue foreign'.");

        // The portal's free plans: typed names resolved to this client's plans; an empty field is no plan.
        Http.Response portalForm = http.get(hotspotPath, "Cookie", cookie);
        assertThat(portalForm.raw()).contains("<input id=\"plan-click\" name=\"clickThroughPlanName\"",
                "<input id=\"plan-form\" name=\"formPlanName\"");
        String portal = "_csrf=" + token + "&gatewayKind=MIKROTIK&methods=CLICK_THROUGH&methods=VOUCHER&field-email=optional&afterLogin=STATUS"
                + "&clickThroughPlanName=plan+005&formPlanName=";
        assertThat(post(http, session, hotspotPath + "/portal", portal).status()).isEqualTo(302);
        PortalSettings saved = hotspots.portalDetails(mine.staff(), lobby.id()).orElseThrow().settings();
        assertThat(saved.freePlanId(SignInMethod.CLICK_THROUGH)).contains(plans.get(4).id());
        assertThat(saved.freePlanId(SignInMethod.FORM)).isEmpty();
        assertThat(http.get(hotspotPath, "Cookie", cookie).raw()).contains("name=\"clickThroughPlanName\" list=\"plan-click-names\" value=\"Plan 005\"");
        assertThat(shown(post(http, session, hotspotPath + "/portal?lang=en-us", portal.replace("plan+005", "Plan+foreign")).raw()))
                .contains("No guest plan's name starts with 'Plan foreign'.");

        // The voucher batch form's plan and hotspot.
        Http.Response vouchers = http.get("/dashboard/vouchers?" + client, "Cookie", cookie);
        assertThat(vouchers.raw()).contains("name=\"planName\" list=\"batch-plan-names\"", "name=\"hotspotName\" list=\"batch-hotspot-names\"");
        Http.Response batch = post(http, session, "/dashboard/vouchers", "_csrf=" + token + "&" + client
                + "&label=Lobby+day&planName=Plan+003&hotspotName=lobby&count=2&uses=1&validUntil=");
        assertThat(batch.status()).isEqualTo(302);
        var made = guestPlans.listBatches(mine.staff(), mine.client().id(), null, 1).getFirst();
        assertThat(made.guestPlanId()).isEqualTo(plans.get(2).id());
        assertThat(made.hotspotId()).isEqualTo(lobby.id());
        Http.Response several = post(http, session, "/dashboard/vouchers?lang=en-us", "_csrf=" + token + "&" + client
                + "&label=x&planName=Plan+003&hotspotName=Hall&count=2&uses=1&validUntil=");
        assertThat(several.status()).isEqualTo(400);
        assertThat(shown(several.raw())).contains("'Hall' matches several hotspots (Hall 001, Hall 002, Hall 003, …)");

        // The guest plan form's session profile.
        Http.Response planForm = http.get("/dashboard/setup/guest-plans?" + client, "Cookie", cookie);
        assertThat(planForm.raw()).contains("<input id=\"plan-profile\" name=\"profileName\" list=\"plan-profile-names\"")
                .doesNotContain("Profile foreign");
        assertThat(post(http, session, "/dashboard/setup/guest-plans", "_csrf=" + token + "&" + client + "&name=Weekend&profileName=Profile+004"
                + "&durationAmount=2&durationUnit=days&price=0.00&currency=USD").status()).isEqualTo(302);
        GuestPlan weekend = guestPlans.guestPlanPage(mine.staff(), mine.client().id(), 0, DashboardChoices.LIMIT + 10).rows().stream()
                .filter(p -> p.name().equals("Weekend")).findFirst().orElseThrow();
        assertThat(weekend.sessionProfileId()).isEqualTo(profiles.get(3).id());
    }

    @Test
    void serviceplanMenusOfMoreThanTheLimitBecomeANameFieldResolvedOnTheServer() {
        Tenant mine = tenant("Paging Service Plans");
        Tenant theirs = tenant("Other Service Plans");
        Venue venue = venue(mine, "Lofts");
        Unit unit = units.add(mine.operator().id(), venue.key(), new NewUnit("A-1", "1", "1", UnitPurpose.WIRED_UNIT, null, ""));
        plan(theirs, "Plan foreign");
        List<ServicePlan> servicePlans = new ArrayList<>();
        for (int i = 1; i <= DashboardChoices.LIMIT + 1; i++) {
            servicePlans.add(plan(mine, "Plan %03d".formatted(i)));
        }
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));
        Http.Response form = http.get("/dashboard/mdu/subscribers", "Cookie", session.cookieHeader());
        assertThat(form.raw()).contains("<input id=\"sub-plan\" name=\"planName\" list=\"sub-plan-names\"")
                .doesNotContain("<select id=\"sub-plan\"", "Plan foreign");
        assertThat(Pattern.compile("<option value=\"Plan \\d").matcher(form.raw()).results().count()).isEqualTo(DashboardChoices.LIMIT);
        String token = DashboardSessionTest.formToken(form.raw());
        String subscriber = "&email=p" + Fixtures.unique().toLowerCase() + "%40example.com&givenName=Ana&familyName=Lima&phone=&locale=en-us"
                + "&start=&end=&psk=";
        Http.Response added = post(http, session, "/dashboard/mdu/subscriptions", "_csrf=" + token + "&unit=" + unit.key()
                + "&planName=plan+201" + subscriber);
        assertThat(added.status()).isEqualTo(302);
        String page = http.get(added.header("Location").replaceFirst("^https?://[^/]+", ""), "Cookie", session.cookieHeader()).raw();
        Matcher planForm = Pattern.compile("id=\"plan-(\\d+)\"").matcher(page);
        assertThat(planForm.find()).isTrue();
        long subscriptionId = Long.parseLong(planForm.group(1));
        assertThat(subscriptions.view(mine.operator().id(), subscriptionId).orElseThrow().planKey()).isEqualTo(servicePlans.get(200).key());
        assertThat(page).contains("name=\"planName\" list=\"plan-" + subscriptionId + "-plan-names\" value=\"Plan 201\"");

        Http.Response changed = post(http, session, "/dashboard/mdu/subscriptions/" + subscriptionId + "/plan", "_csrf=" + token
                + "&planName=Plan+002");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(subscriptions.view(mine.operator().id(), subscriptionId).orElseThrow().planKey()).isEqualTo(servicePlans.get(1).key());
        Http.Response several = post(http, session, "/dashboard/mdu/subscriptions/" + subscriptionId + "/plan?lang=es-xl", "_csrf=" + token
                + "&planName=Plan+00");
        assertThat(several.status()).isEqualTo(400);
        assertThat(shown(several.raw())).contains("'Plan 00' coincide con varios planes de servicio (Plan 001, Plan 002, Plan 003, …)");
        Http.Response foreign = post(http, session, "/dashboard/mdu/subscriptions/" + subscriptionId + "/plan?lang=en-us", "_csrf=" + token
                + "&planName=Plan+foreign");
        assertThat(shown(foreign.raw())).contains("No service plan's name starts with 'Plan foreign'.");
    }

    @Test
    void clashesNameWhatClashedInThePagesLanguage() {
        Tenant mine = tenant("Paging Clashes");
        Venue venue = venue(mine, "Lakeside");
        units.add(mine.operator().id(), venue.key(), new NewUnit("A-101", "1", "2", UnitPurpose.WIRED_UNIT, 1500, ""));
        Http http = new Http(port);
        var session = DashboardSessionTest.signIn(http, fixtures.administrator(mine.operator(), Role.DOMAIN_ADMINISTRATORS));
        String path = MduVenueController.venuePath(venue);
        String token = DashboardSessionTest.formToken(http.get(path, "Cookie", session.cookieHeader()).raw());
        String unit = "_csrf=" + token + "&name=A-101&building=1&floor=2&purpose=wiredunit&externalId=&vlan=";
        Http.Response en = post(http, session, path + "/units?lang=en-us", unit + "1600");
        assertThat(en.status()).isEqualTo(409);
        assertThat(shown(en.raw())).contains("A unit named 'A-101' (building '1', floor '2') already exists in venue 'Lakeside'.");
        Http.Response es = post(http, session, path + "/units?lang=es-xl", unit.replace("A-101", "B-202") + "1500");
        assertThat(es.status()).isEqualTo(409);
        assertThat(shown(es.raw())).contains("La VLAN 1500 ya la usa otra unidad de la sede 'Lakeside'.");

        guestPlans.addSessionProfile(mine.staff(), mine.client().id(), "Standard", Duration.ofHours(1), null, null, null, null);
        Http.Response profile = post(http, session, "/dashboard/setup/session-profiles?lang=es-xl", "_csrf=" + token + "&client="
                + mine.client().id() + "&name=Standard&sessionMinutes=60&idleMinutes=&downloadKbps=&uploadKbps=&dataCapMb=");
        assertThat(shown(profile.raw())).contains("Ya existe un perfil de sesión llamado 'Standard' para el cliente 'Paging Clashes Properties'.");
    }

    private static Http.Response post(Http http, DashboardSessionTest.Session session, String path, String form) {
        var builder = http.builder(path, "Content-Type", "application/x-www-form-urlencoded", "Cookie", session.cookieHeader());
        return http.send(builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
