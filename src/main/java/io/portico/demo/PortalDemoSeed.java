package io.portico.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.portico.guest.GuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestPortalService;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.identity.IdentityService;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.tenant.Client;

/**
 * The demo's captive portals: the first client's first hotspot is behind a MikroTik Hotspot and
 * its second behind a CoovaChilli gateway (with a random UAM secret, sealed like any other), both
 * offering click-through and the form (granting "Free 1 Hour") and vouchers. {@link DemoHotspots}
 * plays the two gateways. Configured as the demo's domain administrator would in the console.
 */
@Component
class PortalDemoSeed implements DemoSeed {

    static final String FREE_PLAN = "Free 1 Hour";

    private final GuestPortalService portals;
    private final HotspotService hotspots;
    private final GuestPlanService plans;
    private final IdentityService identity;

    PortalDemoSeed(GuestPortalService portals, HotspotService hotspots, GuestPlanService plans, IdentityService identity) {
        this.portals = portals;
        this.hotspots = hotspots;
        this.plans = plans;
        this.identity = identity;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public void seed(DemoContext context) {
        Client client = context.clients().getFirst();
        Actor admin = identity.listAdministrators(context.operator().id()).stream()
                .filter(a -> a.roles().contains(Role.DOMAIN_ADMINISTRATORS)).findFirst()
                .map(a -> new Actor(a.operatorId(), a.id(), a.email(), a.displayName(), a.roles(), RequestOrigin.SYSTEM))
                .orElseThrow();
        long freePlan = plans.listGuestPlans(admin, client.id()).stream().filter(p -> p.name().equals(FREE_PLAN))
                .map(GuestPlan::id).findFirst().orElseThrow();
        List<Hotspot> clientHotspots = hotspots.listByClient(client.id());
        configure(admin, clientHotspots.get(0), GatewayKind.MIKROTIK, freePlan, Optional.empty());
        configure(admin, clientHotspots.get(1), GatewayKind.COOVACHILLI, freePlan, Optional.of(RadiusDemoSeed.randomSecret()));
    }

    private void configure(Actor admin, Hotspot hotspot, GatewayKind kind, long freePlan, Optional<String> uamSecret) {
        var settings = new PortalSettings(kind, Set.of(SignInMethod.CLICK_THROUGH, SignInMethod.FORM, SignInMethod.VOUCHER),
                Map.of(SignInMethod.CLICK_THROUGH, freePlan, SignInMethod.FORM, freePlan), Set.of("email"),
                Set.of("firstName", "lastName", "country"), Optional.empty());
        portals.configurePortal(admin, hotspot.id(), new PortalConfiguration(settings, uamSecret, Optional.empty()));
    }
}
