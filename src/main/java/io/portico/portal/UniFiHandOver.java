package io.portico.portal;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A UniFi controller's hand-over to an external portal: the phone arrives at
 * {@code /guest/s/{site}/?id=<client MAC>&ap=<AP MAC>&t=<time>&url=<original URL>&ssid=...}.
 * Portico then authorises the MAC through the controller's API, server to server.
 */
record UniFiHandOver(String site, String mac, @Nullable String apMac, @Nullable URI originalUrl, @Nullable String ssid) {

    static UniFiHandOver parse(String site, Map<String, String> params) {
        if (!site.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new HandOverException("UniFi site is not a site name");
        }
        return new UniFiHandOver(site, HandOvers.mac(params.get("id"), "UniFi").value(),
                HandOvers.blankToNull(params.get("ap")), HandOvers.webUrl(params.get("url")).orElse(null),
                HandOvers.blankToNull(params.get("ssid")));
    }
}
