package io.portico.radius;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ruckus dynamic PSK look-ups ({@code portico.radius.dpsk.*}). A look-up tries the device's own
 * subscription, then every key whose PMK is cached, then derives at most
 * {@code maxDerivationsPerRequest} new PMKs (PBKDF2, about a millisecond each); an access point
 * may start {@code searchesPerSecondPerNas} look-ups a second (more are rejected at once).
 * {@code pmkCacheSize} bounds both the PMKs kept and the venues' opened keys kept.
 */
@ConfigurationProperties("portico.radius.dpsk")
public record DpskProperties(@DefaultValue("64") int maxDerivationsPerRequest, @DefaultValue("20") int searchesPerSecondPerNas,
                             @DefaultValue("100000") int pmkCacheSize) {

    public DpskProperties {
        if (maxDerivationsPerRequest < 1 || searchesPerSecondPerNas < 1 || pmkCacheSize < 1) {
            throw new IllegalArgumentException("portico.radius.dpsk.* must be positive");
        }
    }
}
