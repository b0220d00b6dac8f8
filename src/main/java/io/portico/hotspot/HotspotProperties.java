package io.portico.hotspot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hotspot settings ({@code portico.hotspot.*}).
 *
 * @param cacheTtl how long a hotspot looked up by NAS-Identifier or id is served from memory;
 *                 changes made on this node show at once, changes made on another node of a
 *                 cluster within this time. Zero turns the cache off.
 */
@ConfigurationProperties("portico.hotspot")
public record HotspotProperties(@DefaultValue("5s") Duration cacheTtl) {

    public HotspotProperties {
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("portico.hotspot.cache-ttl must not be negative");
        }
    }
}
