package io.portico.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationContext;

import io.portico.connection.AccountingRecord;
import io.portico.connection.AccountingSessionId;
import io.portico.connection.AccountingWriter;
import io.portico.connection.TerminateCause;
import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestProfile;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.NewHotspot;
import io.portico.identity.IssuedApiToken;
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Builds a guest world for tests through the real services: an operator with a client, its API
 * token, a venue, hotspots, guests, plans and accounting sessions. Each instance is a fresh tenant.
 */
public final class GuestWorld {

    public final Operator operator;
    public final Client client;
    public final IssuedApiToken token;
    public final Venue venue;
    private final HotspotService hotspots;
    private final GuestService guests;
    private final GuestPlanService plans;
    private final AccountingWriter accounting;

    public GuestWorld(ApplicationContext context, String company) {
        Fixtures fixtures = context.getBean(Fixtures.class);
        this.hotspots = context.getBean(HotspotService.class);
        this.guests = context.getBean(GuestService.class);
        this.plans = context.getBean(GuestPlanService.class);
        this.accounting = context.getBean(AccountingWriter.class);
        this.operator = fixtures.operator();
        this.client = fixtures.client(operator, company);
        this.token = fixtures.apiToken(client);
        this.venue = context.getBean(VenueService.class).add(operator.id(), new NewVenue(client.id(),
                "Site " + Fixtures.unique(), new Address("1 Main St", "", "Boston", "MA", "02110", "USA"),
                NewVenue.zone("America/New_York"), ""));
    }

    public Hotspot hotspot(String name) {
        return hotspots.add(operator.id(), new NewHotspot(client.id(), venue.id(), name, name.replace(" ", "_") + "-" + Fixtures.unique()));
    }

    public Guest guest(String mac, GuestProfile profile) {
        return guests.create(client.id(), MacAddress.parse(mac), profile);
    }

    public static GuestProfile profile(String email, String first, String last, String userAgent) {
        return new GuestProfile(email, first, last, null, null, "+1 617 555 0100", null, null, "USA", "MA", "Boston",
                null, "02110", List.of("c1"), userAgent);
    }

    public GuestPlan plan(String name, Duration duration) {
        SessionProfile profile = plans.addSessionProfile(new SessionProfile(0, client.id(), name + " profile",
                Duration.ofHours(1), Duration.ofMinutes(10), 10_000L, 2_000L, null, Instant.EPOCH));
        return plans.addGuestPlan(new GuestPlan(0, client.id(), profile.id(), name, duration, 500, "USD", Instant.EPOCH));
    }

    /** One complete accounting session (Start then Stop) of a device at a hotspot. */
    public void session(Hotspot hotspot, String mac, String acctSessionId, Instant start, Duration length,
                        long uploaded, long downloaded, TerminateCause cause, String userAgent) {
        MacAddress m = MacAddress.parse(mac);
        AccountingSessionId id = AccountingSessionId.of(operator.id(), hotspot.nasIdentifier(), acctSessionId, mac, "AP");
        accounting.record(new AccountingRecord(AccountingRecord.Type.START, id, operator.id(), hotspot.nasIdentifier(), m,
                userAgent, 0, 0, 0, null, start));
        accounting.record(new AccountingRecord(AccountingRecord.Type.STOP, id, operator.id(), hotspot.nasIdentifier(), m,
                userAgent, uploaded, downloaded,
                length.toSeconds(), cause, start.plus(length)));
    }

    public GuestService guests() {
        return guests;
    }

    public GuestPlanService plans() {
        return plans;
    }

    public AccountingWriter accounting() {
        return accounting;
    }

    public String auth() {
        return "api_token=" + token.token();
    }
}
