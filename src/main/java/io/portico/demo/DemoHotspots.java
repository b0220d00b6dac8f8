package io.portico.demo;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalHotspot;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusProperties;
import io.portico.radius.RadiusService;
import io.portico.simulator.CoovaChilliSimulator;
import io.portico.simulator.GatewaySettings;
import io.portico.simulator.MikroTikHotspotSimulator;
import io.portico.simulator.Phone;
import io.portico.simulator.SimulatedGateway;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;

/**
 * The demo's captive-portal gateways: with {@code --demo} only, once the demo data is loaded, a
 * {@link MikroTikHotspotSimulator} and a {@link CoovaChilliSimulator} on 127.0.0.1 play the
 * gateways of the demo hotspots whose portals {@link PortalDemoSeed} configured, sending their
 * RADIUS to this server. Each start registers them as the RADIUS clients of those two hotspots with
 * a new random secret that only this process knows (it replaces the demo's shared 127.0.0.1 entry
 * for those two NAS-Identifiers), so nothing is printed and nothing goes stale across restarts.
 * {@code /demo/hotspot} lets a person walk the guest journey through them.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "portico.demo.enabled", havingValue = "true")
class DemoHotspots implements ApplicationRunner, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoHotspots.class);
    private static final String LOOPBACK = "127.0.0.1";

    /** One simulated gateway and the hotspot it serves. */
    record Gateway(GatewayKind kind, Hotspot hotspot, SimulatedGateway simulator) {
    }

    private final TenantService tenants;
    private final HotspotService hotspots;
    private final RadiusService radius;
    private final RadiusProperties radiusProperties;
    private final Environment environment;
    private final SecureRandom random = new SecureRandom();
    private final List<Gateway> gateways = new ArrayList<>();

    DemoHotspots(TenantService tenants, HotspotService hotspots, RadiusService radius, RadiusProperties radiusProperties,
                 Environment environment) {
        this.tenants = tenants;
        this.hotspots = hotspots;
        this.radius = radius;
        this.radiusProperties = radiusProperties;
        this.environment = environment;
    }

    @Override
    public synchronized void run(ApplicationArguments args) {
        var operator = tenants.findOperatorByKey(DemoDataLoader.OPERATOR_KEY);
        if (operator.isEmpty()) {
            return;
        }
        URI portico = URI.create("http://" + LOOPBACK + ":" + environment.getProperty("local.server.port", "8080"));
        for (GatewayKind kind : List.of(GatewayKind.MIKROTIK, GatewayKind.COOVACHILLI)) {
            portalHotspot(operator.get().id(), kind).ifPresent(portal -> gateways.add(start(operator.get().id(), portal, portico)));
        }
        if (radius.listening().isEmpty()) {
            log.warn("Demo hotspots: RADIUS is off (portico.radius.enabled=false), so the simulated gateways' logins get no answer");
        }
        gateways.forEach(g -> log.info("Demo hotspots: a simulated {} gateway at {} serves hotspot '{}'; walk a guest's journey at {}/demo/hotspot",
                g.kind(), g.simulator().baseUrl(), g.hotspot().name(), portico));
    }

    List<Gateway> gateways() {
        synchronized (this) {
            return List.copyOf(gateways);
        }
    }

    Optional<Gateway> gateway(GatewayKind kind) {
        return gateways().stream().filter(g -> g.kind() == kind).findFirst();
    }

    private Optional<PortalHotspot> portalHotspot(long operatorId, GatewayKind kind) {
        for (Client client : tenants.listClients(operatorId)) {
            for (Hotspot hotspot : hotspots.listByClient(client.id())) {
                Optional<PortalHotspot> portal = hotspots.findPortal(hotspot.id()).filter(p -> p.settings().gatewayKind() == kind);
                if (portal.isPresent()) {
                    return portal;
                }
            }
        }
        return Optional.empty();
    }

    private Gateway start(long operatorId, PortalHotspot portal, URI portico) {
        Hotspot hotspot = portal.hotspot();
        String secret = RadiusDemoSeed.randomSecret();
        radius.clients(operatorId).stream()
                .filter(c -> c.nasIdentifier().equals(hotspot.nasIdentifier()) && c.network().contains(NasNetwork.parse(LOOPBACK).address()))
                .forEach(c -> radius.remove(operatorId, c.id()));
        radius.register(NewNasClient.forHotspot(operatorId, "Demo simulated gateway " + hotspot.name(), LOOPBACK,
                hotspot.nasIdentifier(), secret, hotspot.id()));
        RadiusService.Ports ports = radius.listening()
                .orElseGet(() -> new RadiusService.Ports(radiusProperties.authPort(), radiusProperties.acctPort()));
        var settings = new GatewaySettings(hotspot.nasIdentifier(), new InetSocketAddress(LOOPBACK, ports.auth()),
                new InetSocketAddress(LOOPBACK, ports.acct()), secret,
                GatewaySettings.portalOf(portico, hotspot.nasIdentifier()), hotspots.uamSecret(hotspot.id()));
        Phone phone = Phone.random(random);
        SimulatedGateway simulator = portal.settings().gatewayKind() == GatewayKind.MIKROTIK
                ? new MikroTikHotspotSimulator(settings, phone)
                : new CoovaChilliSimulator(settings, phone);
        return new Gateway(portal.settings().gatewayKind(), hotspot, simulator);
    }

    /** A new phone for the next walk through the gateway: a random MAC, so each walk is a new guest. */
    Phone newPhone(Gateway gateway) {
        Phone phone = Phone.random(random);
        gateway.simulator().usePhone(phone);
        return phone;
    }

    @Override
    public void close() {
        gateways().forEach(g -> g.simulator().close());
    }
}
