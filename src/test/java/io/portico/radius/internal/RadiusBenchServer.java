package io.portico.radius.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

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
 * guest plan. Access-Requests then take the real guest authorizer's path for devices it has not
 * seen (guest recorded, Access-Reject "No active guest plan"), and accounting goes through the
 * connections. Not a Spring component, so no test context picks it up.
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
        plans.addGuestPlan(new GuestPlan(0, client.id(), profile.id(), "Bench day", Duration.ofDays(1), 0, "USD", Instant.EPOCH));
        RadiusService radius = context.getBean(RadiusService.class);
        radius.register(NewNasClient.forHotspot(operator, "bench", "127.0.0.1", "bench", secret, hotspot.id()));
        System.out.println("PORTICO RADIUS BENCH SERVER READY");
    }
}
