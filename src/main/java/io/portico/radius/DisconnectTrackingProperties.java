package io.portico.radius;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Portico confirms its Disconnect-Requests ({@code portico.radius.disconnect-tracking.*}).
 *
 * @param confirmWithin after the NAS's ACK, how long the session's accounting Stop may take before the disconnect counts as failed
 * @param retryAfter    wait before sending a failed disconnect again
 * @param maxRounds     how many times a disconnect is sent (each send has the RADIUS retransmissions) before it is given up
 * @param checkInterval how often pending disconnects are checked
 */
@ConfigurationProperties("portico.radius.disconnect-tracking")
public record DisconnectTrackingProperties(@DefaultValue("30s") Duration confirmWithin,
                                           @DefaultValue("30s") Duration retryAfter,
                                           @DefaultValue("3") int maxRounds,
                                           @DefaultValue("5s") Duration checkInterval) {

    public DisconnectTrackingProperties {
        if (confirmWithin.isNegative() || confirmWithin.isZero() || retryAfter.isNegative() || maxRounds < 1
                || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("portico.radius.disconnect-tracking: durations must be positive and max-rounds at least 1");
        }
    }
}
