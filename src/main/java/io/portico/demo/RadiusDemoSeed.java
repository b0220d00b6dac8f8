package io.portico.demo;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.portico.equipment.EquipmentService;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.tenant.Client;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Demo RADIUS clients: 127.0.0.1 is the NAS of every demo hotspot and venue gateway, told apart by
 * NAS-Identifier (the hotspot's NAS-Identifier, the gateway's equipment id), so {@code radclient}
 * on the same machine can play any of them. The shared secret is {@code portico.demo.radius-secret};
 * when unset a random one is generated and written to the log once: the one place Portico prints
 * a secret, because without it the demo gateways could not be used.
 */
@Component
class RadiusDemoSeed implements DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(RadiusDemoSeed.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final RadiusService radius;
    private final HotspotService hotspots;
    private final VenueService venues;
    private final EquipmentService equipment;
    private final DemoProperties properties;

    RadiusDemoSeed(RadiusService radius, HotspotService hotspots, VenueService venues, EquipmentService equipment,
                   DemoProperties properties) {
        this.radius = radius;
        this.hotspots = hotspots;
        this.venues = venues;
        this.equipment = equipment;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void seed(DemoContext context) {
        String configured = properties.radiusSecret();
        boolean generated = configured == null || configured.isBlank();
        String secret = generated ? randomSecret() : configured;
        long operatorId = context.operator().id();
        int count = 0;
        for (Client client : context.clients()) {
            for (Hotspot hotspot : hotspots.listByClient(client.id())) {
                radius.register(NewNasClient.forHotspot(operatorId, "Demo " + hotspot.name(), LOOPBACK, hotspot.nasIdentifier(),
                        secret, hotspot.id()));
                count++;
            }
        }
        for (Venue venue : venues.listByOperator(operatorId)) {
            for (var gateway : equipment.gateways(operatorId, venue.id())) {
                radius.register(NewNasClient.forGateway(operatorId, "Demo " + gateway.name(), LOOPBACK, gateway.key(), secret,
                        gateway.id()));
                count++;
            }
        }
        if (generated) {
            log.warn("Demo RADIUS: 127.0.0.1 is the client of {} demo hotspots and gateways with the generated shared secret {} "
                    + "(printed only now; set PORTICO_DEMO_RADIUS_SECRET to choose it)", count, secret);
        } else {
            log.info("Demo RADIUS: 127.0.0.1 is the client of {} demo hotspots and gateways (secret from PORTICO_DEMO_RADIUS_SECRET)",
                    count);
        }
    }

    /** A random shared secret for a demo RADIUS client or gateway (144 bits, URL-safe base64). */
    static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
