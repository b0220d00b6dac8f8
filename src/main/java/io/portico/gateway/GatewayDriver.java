package io.portico.gateway;

/**
 * Applies VLAN commands to one kind of gateway. Chosen per equipment by manufacturer and
 * connection protocol through {@link GatewayDrivers}.
 */
public interface GatewayDriver {

    /** A short name for logs and the equipment log's function_name. */
    String name();

    boolean supports(String manufacturer, String connectionProtocol);

    /** Applies the command; never throws for gateway-side failures, which come back as outcomes. */
    CommandOutcome apply(GatewayTarget target, VlanCommand command);
}
