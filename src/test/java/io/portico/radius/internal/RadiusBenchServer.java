package io.portico.radius.internal;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.PorticoApplication;
import io.portico.radius.AccessDecision;
import io.portico.radius.AccessGrant;
import io.portico.radius.GuestAuthorizer;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.radius.Speed;
import io.portico.tenant.TenantService;

/**
 * Portico as bench/freeradius-compare.sh runs it: the real application and listeners, plus a
 * stand-in guest authorizer (the guest module is not wired yet) that does what a real one costs,
 * one indexed query per request, and accepts with a session timeout and speed. Registers
 * 127.0.0.1 as a NAS with {@code PORTICO_BENCH_SECRET} and NAS-Identifier {@code bench}.
 * Not a Spring component, so no test context picks it up.
 */
public final class RadiusBenchServer {

    private RadiusBenchServer() {
    }

    public static void main(String[] args) {
        var app = new SpringApplication(PorticoApplication.class);
        app.addInitializers(context -> ((GenericApplicationContext) context).registerBean("benchGuestAuthorizer", GuestAuthorizer.class,
                () -> authorizer(((ConfigurableApplicationContext) context).getBean(JdbcClient.class))));
        ConfigurableApplicationContext context = app.run(args);
        String secret = System.getenv().getOrDefault("PORTICO_BENCH_SECRET", "bench-secret-123");
        RadiusService radius = context.getBean(RadiusService.class);
        TenantService tenants = context.getBean(TenantService.class);
        long operator = tenants.createOperator("BENCH." + System.currentTimeMillis(), "Bench operator").id();
        if (radius.clients(operator).isEmpty()) {
            try {
                radius.register(new NewNasClient(operator, "bench", NasNetwork.parse("127.0.0.1"), "bench", secret, Optional.of(1L),
                        Optional.empty(), 3799));
            } catch (RuntimeException exists) {
                System.out.println("bench NAS client already registered: " + exists.getMessage());
            }
        }
        System.out.println("PORTICO RADIUS BENCH SERVER READY");
    }

    private static GuestAuthorizer authorizer(JdbcClient jdbc) {
        AccessGrant grant = AccessGrant.unlimited().withSessionTimeout(Duration.ofHours(1)).withIdleTimeout(Duration.ofMinutes(10))
                .withInterimInterval(Duration.ofMinutes(5)).withSpeed(new Speed(10_000_000, 50_000_000));
        return (hotspotId, attempt) -> {
            long open = jdbc.sql("select count(*) from radius_accounting where device_mac = ? and stopped_at is null")
                    .param(attempt.device().value()).query(Long.class).single();
            return open < 1000 ? AccessDecision.accept(grant) : AccessDecision.reject("Too many sessions.");
        };
    }
}
