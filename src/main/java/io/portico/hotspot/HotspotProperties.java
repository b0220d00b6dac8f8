package io.portico.hotspot;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.portico.platform.TlsContexts;

/**
 * Hotspot settings ({@code portico.hotspot.*}).
 *
 * @param cacheTtl how long a hotspot looked up by NAS-Identifier or id is served from memory;
 *                 changes made on this node show at once, changes made on another node of a
 *                 cluster within this time. Zero turns the cache off.
 * @param unifiConnectTimeout how long to wait for a UniFi controller's TCP connection
 * @param unifiRequestTimeout how long to wait for each answer of a UniFi controller (a guest waits
 *                            on the portal page meanwhile)
 * @param unifiInsecureTls    accept any TLS certificate from UniFi controllers. Off by default;
 *                            controllers ship self-signed certificates, so an operator may turn it
 *                            on for a management network they trust, knowing it allows a man in
 *                            the middle.
 */
@ConfigurationProperties("portico.hotspot")
public record HotspotProperties(@DefaultValue("5s") Duration cacheTtl, @DefaultValue("3s") Duration unifiConnectTimeout,
                                @DefaultValue("5s") Duration unifiRequestTimeout,
                                @DefaultValue("false") boolean unifiInsecureTls) {

    public HotspotProperties {
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("portico.hotspot.cache-ttl must not be negative");
        }
        if (!unifiConnectTimeout.isPositive() || !unifiRequestTimeout.isPositive()) {
            throw new IllegalArgumentException("portico.hotspot.unifi-*-timeout must be positive");
        }
    }

    /** The TLS context for UniFi controllers: the JDK's trust store, or trust in anything ({@code unifiInsecureTls}). */
    public SSLContext unifiTls() {
        return TlsContexts.forEquipment(unifiInsecureTls);
    }
}
