package io.portico.radius.internal;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.portico.PorticoApplication;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.NewHotspot;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Portico as bench/freeradius-compare.sh runs it: the real application, listeners and domain. It
 * creates a fresh operator with a client, venue and a hotspot whose NAS-Identifier is
 * {@code bench}, registers 127.0.0.1 as its NAS with {@code PORTICO_BENCH_SECRET}, and adds a
 * guest plan (1 day; session profile 1 h, idle 10 min, 50,000/10,000 kbps down/up). It preloads
 * the {@code PORTICO_BENCH_DEVICES} devices (default 200,000) that bench/RadiusLoad.java sends,
 * device i with the MAC {@code 02-00-XX-XX-XX-XX} from the 32 bits of i, as guests of the client,
 * each with an active purchase of that plan (started a minute ago, lasting the plan's day), in
 * bulk SQL (no GuestCreated events). Access-Requests then take the real guest authorizer's accept
 * path (guest found, active plan, Access-Accept with Session-Timeout, Idle-Timeout and speeds),
 * like FreeRADIUS's radusergroup in the script, and accounting goes through the connections with
 * known guests. Not a Spring component, so no test context picks it up.
 */
public final class RadiusBenchServer {

    private RadiusBenchServer() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplication(PorticoApplication.class).run(args);
        String secret = System.getenv().getOrDefault("PORTICO_BENCH_SECRET", "bench-secret-123");
        TenantService tenants = context.getBean(TenantService.class);
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        long operator = tenants.createOperator("USA.MA.02139.BENCH" + run + ".TEST", "Bench operator").id();
        Client client = tenants.createClient(operator, "Bench client", "BENCH" + run + ".C1");
        Venue venue = context.getBean(VenueService.class).add(operator, new NewVenue(client.id(), "Bench site",
                new Address("1 Main St", "", "Boston", "MA", "02110", "USA"), NewVenue.zone("America/New_York"), ""));
        // bench/freeradius-compare.sh recreates the database each run, so NAS-Identifier "bench" is free.
        Hotspot hotspot = context.getBean(HotspotService.class).add(operator, new NewHotspot(client.id(), venue.id(), "Bench", "bench"));
        GuestPlanService plans = context.getBean(GuestPlanService.class);
        SessionProfile profile = plans.addSessionProfile(new SessionProfile(0, client.id(), "Bench profile", Duration.ofHours(1),
                Duration.ofMinutes(10), 50_000L, 10_000L, null, Instant.EPOCH));
        GuestPlan plan = plans.addGuestPlan(new GuestPlan(0, client.id(), profile.id(), "Bench day", Duration.ofDays(1), 0, "USD",
                Instant.EPOCH));
        int devices = Integer.parseInt(System.getenv().getOrDefault("PORTICO_BENCH_DEVICES", "200000"));
        preload(new JdbcTemplate(context.getBean(DataSource.class)), client.id(), plan, devices);
        RadiusService radius = context.getBean(RadiusService.class);
        radius.register(NewNasClient.forHotspot(operator, "bench", "127.0.0.1", "bench", secret, hotspot.id()));
        System.out.println("PORTICO RADIUS BENCH SERVER READY");
    }

    /** Devices 0 to n - 1 as the client's guests, each with an active purchase of the plan (the schema of V11). */
    static void preload(JdbcTemplate jdbc, long clientId, GuestPlan plan, int n) {
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into guest (client_id, token, mac_address, created_at, updated_at)
                select ?, gen_random_uuid(),
                       upper(format('02-00-%s-%s-%s-%s', lpad(to_hex((i >> 24) & 255), 2, '0'), lpad(to_hex((i >> 16) & 255), 2, '0'),
                                    lpad(to_hex((i >> 8) & 255), 2, '0'), lpad(to_hex(i & 255), 2, '0'))),
                       now(), now()
                  from generate_series(0, ? - 1) i""", clientId, n);
        // Before the purchases: their foreign-key checks on a fresh, never analysed guest table
        // would scan it for each row (200,000 devices took over 3 minutes instead of seconds).
        jdbc.execute("analyze guest");
        jdbc.update("""
                insert into guest_plan_purchase (client_id, guest_id, guest_plan_id, starts_at, expires_at, payment_gateway,
                                                 transaction_id, created_at)
                select g.client_id, g.id, ?, now() - interval '1 minute', now() - interval '1 minute' + ? * interval '1 minute',
                       'Manual', 'bench-' || g.id, now()
                  from guest g where g.client_id = ?""", plan.id(), plan.duration().toMinutes(), clientId);
        jdbc.execute("analyze guest_plan_purchase");
        System.out.printf("PORTICO RADIUS BENCH: preloaded %d guests with an active '%s' purchase in %d ms%n", n, plan.name(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
