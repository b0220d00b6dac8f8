package io.portico.gateway.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gateway reconciler settings ({@code portico.gateway.reconciler.*}).
 *
 * @param enabled        apply pending VLAN changes on this deployment (tests that do not drive gateways turn it off)
 * @param interval       how often the pending lists are worked through
 * @param firstRetry     wait after a gateway's first failure for a VLAN; doubles up to {@code maxRetryDelay}
 * @param managementPort the gateways' management port; 0 uses the scheme's default (443 or 80)
 * @param bridge         the RouterOS bridge that carries the units' VLANs
 */
@ConfigurationProperties("portico.gateway.reconciler")
public record ReconcilerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
                                   @DefaultValue("30s") Duration firstRetry, @DefaultValue("15m") Duration maxRetryDelay,
                                   @DefaultValue("0") int managementPort, @DefaultValue("bridge") String bridge) {

    public ReconcilerProperties {
        if (managementPort < 0 || managementPort > 65535) {
            throw new IllegalArgumentException("portico.gateway.reconciler.management-port must be 0..65535");
        }
    }

    Duration backoff(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
