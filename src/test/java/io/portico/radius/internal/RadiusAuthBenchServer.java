package io.portico.radius.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * Like {@link RadiusBenchServer}, but for the known-guest Access-Accept path (MAC authentication
 * of a guest with an active guest plan): on a fresh PostgreSQL database it preloads 64 x
 * {@code PORTICO_BENCH_MACS_PER_WORKER} (default 3,125, so 200,000) guests named like
 * bench/RadiusLoad.java's devices, {@code 02-00-WW-SS-SS-SS} for worker WW and sequence SSSSSS,
 * each with a purchase active for a day. A load generator must keep each worker's sequence below
 * that count (RadiusLoad's sequence grows with the run; past it, devices are unknown and take the
 * first-seen path). Loading takes minutes on a busy host, so on a database that already has the
 * {@code bench} hotspot (a copy of a prepared one, {@code create database ... template ...}) it
 * only registers the NAS and starts. Not a Spring component, so no test context picks it up.
 */
public final class RadiusAuthBenchServer {

    private RadiusAuthBenchServer() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplication(PorticoApplication.class).run(args);
        String secret = System.getenv().getOrDefault("PORTICO_BENCH_SECRET", "bench-secret-123");
        int perWorker = Integer.parseInt(System.getenv().getOrDefault("PORTICO_BENCH_MACS_PER_WORKER", "3125"));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        var existing = jdbc.sql("select id, operator_id from hotspot where nas_identifier = 'bench'").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
        if (existing.isPresent()) {
            // a database prepared by an earlier run (loading 200,000 purchases takes minutes here): reuse it
            long operator = existing.get()[1];
            long hotspotId = existing.get()[0];
            RadiusService radius = context.getBean(RadiusService.class);
            if (jdbc.sql("select count(*) from radius_client").query(Long.class).single() == 0) {
                radius.register(NewNasClient.forHotspot(operator, "bench", "127.0.0.1", "bench", secret, hotspotId));
            }
            context.getBean(NasClientRegistry.class).reload();
            System.out.println("preloaded (reused) " + jdbc.sql("select count(*) from guest").query(Long.class).single() + " guests");
            System.out.println("PORTICO RADIUS BENCH SERVER READY");
            return;
        }
        TenantService tenants = context.getBean(TenantService.class);
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        long operator = tenants.createOperator("USA.MA.02139.BENCH" + run + ".TEST", "Bench operator").id();
        Client client = tenants.createClient(operator, "Bench client", "BENCH" + run + ".C1");
        Venue venue = context.getBean(VenueService.class).add(operator, new NewVenue(client.id(), "Bench site",
                new Address("1 Main St", "", "Boston", "MA", "02110", "USA"), NewVenue.zone("America/New_York"), ""));
        Hotspot hotspot = context.getBean(HotspotService.class).add(operator, new NewHotspot(client.id(), venue.id(), "Bench", "bench"));
        GuestPlanService plans = context.getBean(GuestPlanService.class);
        SessionProfile profile = plans.addSessionProfile(new SessionProfile(0, client.id(), "Bench profile", Duration.ofHours(1),
                Duration.ofMinutes(10), 50_000L, 10_000L, null, Instant.EPOCH));
        GuestPlan plan = plans.addGuestPlan(new GuestPlan(0, client.id(), profile.id(), "Bench day", Duration.ofDays(1), 0, "USD", Instant.EPOCH));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int guests = jdbc.sql("""
                insert into guest (client_id, token, mac_address, unsubscribed, created_at, updated_at)
                select ?, gen_random_uuid(),
                       '02-00-' || upper(lpad(to_hex(w), 2, '0')) || '-' || upper(lpad(to_hex((s >> 16) & 255), 2, '0')) || '-'
                       || upper(lpad(to_hex((s >> 8) & 255), 2, '0')) || '-' || upper(lpad(to_hex(s & 255), 2, '0')),
                       false, ?, ?
                  from generate_series(0, 63) w cross join generate_series(0, ? - 1) s""")
                .params(client.id(), now, now, perWorker).update();
        int purchases = jdbc.sql("""
                insert into guest_plan_purchase (client_id, guest_id, guest_plan_id, starts_at, expires_at, payment_gateway,
                                                 transaction_id, revoked_at, created_at)
                select client_id, id, ?, ?, ?, 'Manual', 'bench-' || id, null, ? from guest where client_id = ?""")
                .params(plan.id(), now.minusHours(1), now.plusDays(1), now, client.id()).update();
        jdbc.sql("analyze").update();
        RadiusService radius = context.getBean(RadiusService.class);
        radius.register(NewNasClient.forHotspot(operator, "bench", "127.0.0.1", "bench", secret, hotspot.id()));
        System.out.println("preloaded " + guests + " guests, " + purchases + " purchases");
        System.out.println("PORTICO RADIUS BENCH SERVER READY");
    }
}
