package io.portico.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.portico.connection.AccountingSessionId;
import io.portico.connection.AccountingWriter;
import io.portico.connection.CompletedSession;
import io.portico.connection.TerminateCause;
import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestProfile;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.guest.NewVouchers;
import io.portico.guest.Purchase;
import io.portico.guest.SessionProfile;
import io.portico.guest.Voucher;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.NewHotspot;
import io.portico.tenant.Client;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Demo guest WiFi: 20 hotspots over the demo venues, session profiles and guest plans per client,
 * 2,000 guests with profiles, purchases by voucher, card and PayPal, and 50,000 connections over
 * the last 30 days with mixed devices, termination causes and roaming sequences.
 */
@Component
class GuestDemoSeed implements DemoSeed {

    static final int HOTSPOTS_PER_VENUE = 4;
    static final int GUESTS = 2_000;
    static final int CONNECTIONS = 50_000;

    private static final String[] FIRST = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia",
            "Ethan", "Amelia", "James", "Harper", "Wei", "Priya", "Kenji", "Fatima", "Diego", "Chloe", "Omar", "Grace",
            "Arjun", "Zoe", "Samuel", "Leila", "Daniel", "Hannah", "Kofi", "Ingrid", "Marco"};
    private static final String[] LAST = {"Smith", "Johnson", "Garcia", "Nguyen", "Brown", "Martinez", "Lee", "Patel",
            "Kim", "Walker", "Lopez", "Chen", "Okafor", "Rossi", "Silva", "Cohen", "Murphy", "Khan", "Müller", "Dubois",
            "Haddad", "Tanaka", "Novak", "Andersen", "Reyes", "Clarke", "Ibrahim", "Schmidt", "Costa", "Wright"};
    private static final String[] MAIL = {"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "example.org"};
    private static final String[][] PLACES = {{"Boston", "MA", "02110"}, {"Cambridge", "MA", "02139"},
            {"Chicago", "IL", "60601"}, {"Denver", "CO", "80204"}, {"Addison", "TX", "75001"}, {"Austin", "TX", "78701"}};
    private static final String[] AGENTS = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 11; DN2101 Build/RP1A.200720.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.58 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:94.0) Gecko/20100101 Firefox/94.0",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"};
    private static final String[] HOTSPOT_NAMES = {"Lobby", "Cafe", "Lounge", "Patio"};
    /** Terminate causes weighted as gateways report them: idle timeouts and lost carrier dominate. */
    private static final TerminateCause[] CAUSES = {TerminateCause.IDLE_TIMEOUT, TerminateCause.IDLE_TIMEOUT,
            TerminateCause.IDLE_TIMEOUT, TerminateCause.LOST_CARRIER, TerminateCause.LOST_CARRIER, TerminateCause.USER_REQUEST,
            TerminateCause.SESSION_TIMEOUT, TerminateCause.LOST_SERVICE, TerminateCause.ADMIN_RESET, TerminateCause.NAS_REBOOT};

    private final VenueService venues;
    private final HotspotService hotspots;
    private final GuestService guests;
    private final GuestPlanService plans;
    private final AccountingWriter connections;

    GuestDemoSeed(VenueService venues, HotspotService hotspots, GuestService guests, GuestPlanService plans,
                  AccountingWriter connections) {
        this.venues = venues;
        this.hotspots = hotspots;
        this.guests = guests;
        this.plans = plans;
        this.connections = connections;
    }

    @Override
    public int order() {
        return 20;
    }

    /** One client's share of the demo: its hotspots, plans and guests (ids aligned with the drafts). */
    private record ClientWorld(Client client, List<Hotspot> hotspots, List<GuestPlan> plans, List<Guest> drafts, List<Long> ids) {
    }

    @Override
    public void seed(DemoContext context) {
        Random random = context.random();
        long operatorId = context.operator().id();
        List<Client> clients = context.clients();
        List<ClientWorld> worlds = new ArrayList<>();
        for (int c = 0; c < clients.size(); c++) {
            Client client = clients.get(c);
            List<Hotspot> clientHotspots = new ArrayList<>();
            for (Venue venue : venues.listByOperator(operatorId)) {
                if (venue.clientId() != client.id()) {
                    continue;
                }
                for (String name : HOTSPOT_NAMES) {
                    String full = venue.name() + " " + name;
                    clientHotspots.add(hotspots.add(operatorId, new NewHotspot(client.id(), venue.id(), full,
                            full.toUpperCase().replaceAll("[^A-Z0-9]+", "-"))));
                }
            }
            List<GuestPlan> clientPlans = plans(client, context.now());
            int count = c == 0 ? GUESTS * 3 / 5 : GUESTS - GUESTS * 3 / 5;
            List<Guest> drafts = guestDrafts(client, count, random, context.now());
            List<Long> ids = guests.importGuests(client.id(), drafts);
            worlds.add(new ClientWorld(client, clientHotspots, clientPlans, drafts, ids));
        }
        for (ClientWorld world : worlds) {
            purchases(world, random, context.now());
        }
        connections(operatorId, worlds, random, context.now());
    }

    private List<GuestPlan> plans(Client client, Instant now) {
        SessionProfile basic = plans.addSessionProfile(new SessionProfile(0, client.id(), "Basic 5 Mbps", Duration.ofHours(2),
                Duration.ofMinutes(15), 5_000L, 1_000L, 2_000_000_000L, now));
        SessionProfile premium = plans.addSessionProfile(new SessionProfile(0, client.id(), "Premium 50 Mbps", null,
                Duration.ofMinutes(30), 50_000L, 10_000L, null, now));
        return List.of(
                plans.addGuestPlan(new GuestPlan(0, client.id(), basic.id(), "Free 1 Hour", Duration.ofHours(1), 0, "USD", now)),
                plans.addGuestPlan(new GuestPlan(0, client.id(), premium.id(), "Day Pass", Duration.ofDays(1), 799, "USD", now)),
                plans.addGuestPlan(new GuestPlan(0, client.id(), premium.id(), "Week Pass", Duration.ofDays(7), 2499, "USD", now)));
    }

    static List<Guest> guestDrafts(Client client, int count, Random random, Instant now) {
        List<Guest> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String[] place = PLACES[random.nextInt(PLACES.length)];
            boolean signedUp = random.nextInt(10) < 7;
            String email = signedUp ? (first + "." + last + (i % 97)).toLowerCase().replace("ü", "ue") + "@" + MAIL[random.nextInt(MAIL.length)] : null;
            LocalDate birthdate = signedUp && random.nextBoolean() ? LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12),
                    1 + random.nextInt(28)) : null;
            String phone = signedUp && random.nextInt(3) == 0 ? "+1 617 555 " + String.format("%04d", random.nextInt(10_000)) : null;
            @Nullable String gender = signedUp ? new String[] {"female", "male", null, "non-binary"}[random.nextInt(4)] : null;
            List<@Nullable String> custom = new ArrayList<>();
            custom.add(signedUp && random.nextInt(4) == 0 ? "Loyalty: " + new String[] {"Silver", "Gold", "Platinum"}[random.nextInt(3)] : null);
            custom.add(signedUp && random.nextInt(5) == 0 ? "Newsletter" : null);
            GuestProfile profile = signedUp
                    ? new GuestProfile(email, first, last, random.nextInt(5) == 0 ? first + " " + last.charAt(0) + "." : null,
                    null, phone, birthdate, gender, "USA", place[1], place[0], null, place[2], custom, AGENTS[random.nextInt(AGENTS.length)])
                    : new GuestProfile(null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(),
                    AGENTS[random.nextInt(AGENTS.length)]);
            byte[] mac = new byte[6];
            random.nextBytes(mac);
            mac[0] = (byte) (mac[0] & 0xFE);
            String hex = java.util.HexFormat.of().formatHex(mac);
            Instant created = now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            drafts.add(new Guest(0, client.id(), new UUID(random.nextLong(), random.nextLong()), MacAddress.parse(hex),
                    profile, signedUp && random.nextInt(12) == 0, created, created));
        }
        return drafts;
    }

    private void purchases(ClientWorld world, Random random, Instant now) {
        List<Voucher> vouchers = plans.createVouchers(new NewVouchers(world.client().id(), world.plans().get(1).id(), 60,
                null, 1, now.plus(Duration.ofDays(90))), random);
        plans.createVouchers(new NewVouchers(world.client().id(), world.plans().get(0).id(), 1, "WELCOME-" + world.client().id(),
                500, null), random);
        for (int i = 0; i < 40; i++) {
            plans.redeemVoucher(world.client().id(), vouchers.get(i).code(), world.drafts().get(i * 7).macAddress());
        }
        List<Purchase> paid = new ArrayList<>();
        for (int i = 0; i < world.ids().size(); i += 2) {
            GuestPlan plan = world.plans().get(random.nextInt(world.plans().size()));
            Instant start = now.minus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 30)));
            boolean paypal = random.nextInt(4) == 0;
            String gateway = plan.priceCents() == 0 ? "Free" : paypal ? "PayPal" : "Stripe";
            String reference = plan.priceCents() == 0 ? "FREE-" + i : paypal ? "PAYID-" + Long.toHexString(random.nextLong()).toUpperCase()
                    : "ch_" + Long.toHexString(random.nextLong());
            paid.add(new Purchase(0, world.client().id(), world.ids().get(i), plan.id(), start, start.plus(plan.duration()),
                    gateway, reference, null, start));
        }
        plans.recordAll(paid);
    }

    private void connections(long operatorId, List<ClientWorld> worlds, Random random, Instant now) {
        List<CompletedSession> batch = new ArrayList<>();
        int made = 0;
        while (made < CONNECTIONS) {
            ClientWorld world = worlds.get(random.nextInt(5) < 3 ? 0 : worlds.size() - 1);
            int g = random.nextInt(world.ids().size());
            Guest guest = world.drafts().get(g);
            Hotspot hotspot = world.hotspots().get((g + (random.nextInt(4) == 0 ? random.nextInt(4) : 0)) % world.hotspots().size());
            Instant start = now.minus(Duration.ofSeconds(3600 + random.nextLong(Duration.ofDays(30).toSeconds() - 7200)));
            int roaming = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 1;
            for (int s = 0; s < roaming && made < CONNECTIONS; s++, made++) {
                long seconds = 60 + (long) Math.min(4 * 3600, Math.exp(random.nextGaussian() * 1.1 + 7));
                AccountingSessionId key = AccountingSessionId.of(operatorId, hotspot.nasIdentifier(), "demo-" + made,
                        guest.macAddress().value(), hotspot.nasIdentifier() + ":guest");
                batch.add(new CompletedSession(key, world.client().id(),
                        hotspot.id(), world.ids().get(g), guest.macAddress(), null, start, seconds,
                        seconds * (2_000 + random.nextInt(40_000)), seconds * (20_000 + random.nextInt(400_000)),
                        s + 1 < roaming ? TerminateCause.LOST_CARRIER : CAUSES[random.nextInt(CAUSES.length)]));
                start = start.plusSeconds(seconds + 30 + random.nextInt(210));
                if (batch.size() == 5_000) {
                    connections.loadSessions(batch);
                    batch = new ArrayList<>();
                }
            }
        }
        if (!batch.isEmpty()) {
            connections.loadSessions(batch);
        }
    }
}
