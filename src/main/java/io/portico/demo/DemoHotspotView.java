package io.portico.demo;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code /demo/hotspot} shows (template {@code demo/hotspot.jte}): each simulated gateway with
 * its phone and session, and where the guest then appears in the guest API.
 *
 * @param apiBase     this server's base URL for the guest API examples
 * @param radiusOn    whether this server answers RADIUS (the gateways need it)
 * @param tokenSet    whether {@code PORTICO_DEMO_API_TOKEN} gave the first client a known API token
 */
public record DemoHotspotView(List<Gateway> gateways, String apiBase, boolean radiusOn, boolean tokenSet) {

    /**
     * @param startPath   where the "new phone" form posts
     * @param phoneUrl    the page the phone opens first (the gateway hands it to the portal while it is not online)
     * @param logoutUrl   the gateway's logout page while the phone is online
     * @param granted     Portico's Access-Accept attributes for the phone's session, as "name = value"
     */
    public record Gateway(String vendor, String hotspotName, String nasIdentifier, String gatewayUrl, String phoneMac,
                          String phoneIp, String startPath, String phoneUrl, @Nullable String logoutUrl, List<String> granted,
                          int endedSessions) {
    }
}
