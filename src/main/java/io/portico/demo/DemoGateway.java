package io.portico.demo;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One of the demo's venue gateways: how {@link ConsoleDemoSeed} creates it and how the
 * {@link DemoNetwork} answers for it. The fifth is the failure demonstration: its simulated
 * RouterOS refuses every change, and its venue has no subscriptions, so it fails only when someone
 * asks it for a change.
 *
 * @param name   the EquipmentName
 * @param model  the Model, which says when the gateway is the failure demonstration
 * @param host   its IPAddress: a host name under {@code routeros.demo.portico.example}, which does
 *               not exist outside the demo network
 */
record DemoGateway(String name, String model, String host, String password, boolean refusesChanges) {

    static final String USER = "portico";
    static final String DOMAIN = "routeros." + DemoDataLoader.DOMAIN;
    static final List<DemoGateway> ALL = IntStream.range(0, 5).mapToObj(DemoGateway::of).toList();

    private static DemoGateway of(int index) {
        boolean failure = index == 4;
        String name = "GW" + (index + 1) + (failure ? "-FAILURE-DEMO" : "");
        return new DemoGateway(name, failure ? "RB5009 (failure demo: refuses every change)" : "RB5009",
                name.toLowerCase() + "." + DOMAIN, "demo-router-password-" + index, failure);
    }
}
