package io.portico.gateway;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import io.portico.gateway.internal.ManualDriver;

/**
 * Entry point of the gateway module: picks the driver for a piece of equipment. Equipment with
 * no automatic driver (or ConnectionProtocol "manual") gets the manual driver: staff confirm.
 */
@Service
public class GatewayDrivers {

    private final List<GatewayDriver> drivers;
    private final ManualDriver manual;

    GatewayDrivers(List<GatewayDriver> drivers, ManualDriver manual) {
        this.drivers = drivers;
        this.manual = manual;
    }

    public GatewayDriver forEquipment(String manufacturer, String connectionProtocol) {
        String m = manufacturer == null ? "" : manufacturer.strip().toLowerCase(Locale.ROOT);
        String p = connectionProtocol == null ? "" : connectionProtocol.strip().toLowerCase(Locale.ROOT);
        if (p.equals("manual")) {
            return manual;
        }
        return drivers.stream().filter(d -> d != manual && d.supports(m, p)).findFirst().orElse(manual);
    }
}
