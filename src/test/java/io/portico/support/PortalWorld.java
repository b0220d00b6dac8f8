package io.portico.support;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationContext;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPortalService;
import io.portico.guest.NewVouchers;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.hotspot.UniFiController;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;

/**
 * A {@link GuestWorld} with a captive portal hotspot: a free plan for click-through and form
 * sign-ins (email required, first name and custom1 optional), vouchers on a day plan.
 */
public final class PortalWorld {

    public final GuestWorld world;
    public final Hotspot hotspot;
    public final GuestPlan freePlan;
    public final GuestPlan dayPlan;
    public final Actor admin;
    private final GuestPortalService portal;
    private final HotspotService hotspots;

    public PortalWorld(ApplicationContext context, String company, GatewayKind kind) {
        this.world = new GuestWorld(context, company);
        this.hotspots = context.getBean(HotspotService.class);
        this.portal = context.getBean(GuestPortalService.class);
        this.hotspot = world.hotspot("Portal Lobby");
        this.freePlan = world.plan("Free hour", Duration.ofHours(1));
        this.dayPlan = world.plan("Day pass", Duration.ofDays(1));
        this.admin = new Actor(world.operator.id(), 1, "admin@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        PortalSettings settings = new PortalSettings(kind, EnumSet.allOf(SignInMethod.class),
                Map.of(SignInMethod.CLICK_THROUGH, freePlan.id(), SignInMethod.FORM, freePlan.id()), Set.of("email"),
                Set.of("firstName", "custom1"), kind == GatewayKind.UNIFI ? Optional.of("site" + Fixtures.unique()) : Optional.empty());
        portal.configurePortal(admin, hotspot.id(), new PortalConfiguration(settings,
                kind == GatewayKind.COOVACHILLI ? Optional.of("uam-secret-123") : Optional.empty(),
                kind == GatewayKind.UNIFI ? Optional.of(new UniFiController(java.net.URI.create("http://127.0.0.1:9"),
                        Optional.of("portico"), Optional.of("controller-password"), Optional.empty(), Optional.empty()))
                        : Optional.empty()));
    }

    public String voucher() {
        return world.plans().createVouchers(new NewVouchers(world.client.id(), dayPlan.id(), 1, null, 1, null), new Random())
                .getFirst().code();
    }

    /** Sets the portal's settings to {@code change} of the current ones, keeping the stored secrets. */
    public void reconfigure(UnaryOperator<PortalSettings> change) {
        portal.configurePortal(admin, hotspot.id(), new PortalConfiguration(change.apply(settings()), Optional.empty(),
                Optional.empty()));
    }

    /** The portal's settings as stored now. */
    public PortalSettings settings() {
        return hotspots.findPortal(hotspot.id()).orElseThrow().settings();
    }

    public GuestPortalService portal() {
        return portal;
    }
}
