package io.portico.gateway;

import java.net.URI;
import java.util.Optional;

import io.portico.equipment.Equipment;

/**
 * Says where a gateway's management API is when that is not its IPAddress. The reconciler asks
 * each locator before it builds the address from the equipment record; the {@code --demo} network
 * answers for the demo gateways with its RouterOS simulator on loopback. Without a locator, as in
 * every real deployment, gateways are reached at their IPAddress.
 */
public interface GatewayLocator {

    /** The base URL (scheme, host, port) of this gateway's API, or empty to use its IPAddress. */
    Optional<URI> locate(Equipment gateway);
}
