package io.portico.demo;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.VenueVlanState;
import io.portico.gateway.GatewayLocator;
import io.portico.gateway.RouterOsSimulator;

/**
 * The demo's gateways answer: with {@code --demo} only, a {@link RouterOsSimulator} on 127.0.0.1
 * (a free port) plays each {@link DemoGateway}, told apart by its credentials, and the gateway
 * reconciler is sent there for the demo gateways' host names. So the demo's pending VLAN changes
 * are applied through the real RouterOS driver and logged as successes, except on the failure
 * demonstration gateway, a read-only RouterOS user that refuses every change.
 */
@Component
@ConditionalOnProperty(name = "portico.demo.enabled", havingValue = "true")
class DemoNetwork implements GatewayLocator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

    private final EquipmentService equipment;
    private final RouterOsSimulator simulator;
    private final Map<String, RouterOsSimulator.Device> devices = new ConcurrentHashMap<>();
    private final Set<String> restored = ConcurrentHashMap.newKeySet();

    DemoNetwork(EquipmentService equipment) throws IOException {
        this.equipment = equipment;
        this.simulator = new RouterOsSimulator();
        for (DemoGateway gateway : DemoGateway.ALL) {
            devices.put(gateway.host(), simulator.addDevice(DemoGateway.USER, gateway.password(), gateway.refusesChanges()));
        }
        log.info("Demo network: the {} demo gateways are simulated RouterOS routers at {}", devices.size(), simulator.baseUrl());
    }

    @Override
    public Optional<URI> locate(Equipment gateway) {
        String host = gateway.ipAddress().toLowerCase(Locale.ROOT);
        RouterOsSimulator.Device device = devices.get(host);
        if (device == null) {
            return Optional.empty();
        }
        if (restored.add(host)) {
            restore(gateway, device);
        }
        return Optional.of(simulator.baseUrl());
    }

    /**
     * The simulator keeps its configuration in memory only; before its first command a device gets
     * back the VLANs the database says its gateway confirmed (one gateway per demo venue).
     */
    private void restore(Equipment gateway, RouterOsSimulator.Device device) {
        VenueVlanState state = equipment.vlanStates(gateway.operatorId()).get(gateway.venueId());
        if (state != null) {
            state.enabledOn().keySet().forEach(vlan -> device.configureVlan(vlan, "bridge"));
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
