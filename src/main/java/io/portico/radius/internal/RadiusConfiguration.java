package io.portico.radius.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.MeterRegistry;
import io.portico.radius.AccountingSink;
import io.portico.radius.RadiusProperties;

/**
 * Wires the RADIUS server. The listeners and the stale-session job exist only with
 * {@code portico.radius.enabled=true} (the default); the registry and the disconnect client
 * always do, so NAS clients can be managed on a node that does not listen.
 */
@Configuration(proxyBeanMethods = false)
class RadiusConfiguration {

    @Bean
    RadiusMetrics radiusMetrics(MeterRegistry registry) {
        return new RadiusMetrics(registry);
    }

    @Bean
    DisconnectClient disconnectClient(RadiusProperties properties) {
        return new DisconnectClient(properties.disconnectTimeout(), properties.disconnectAttempts());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portico.radius.enabled", matchIfMissing = true)
    RadiusServer radiusServer(RadiusProperties properties, NasClientRegistry clients, AuthorizationChain chain, AccountingSink sink,
                              RadiusMetrics metrics, Clock clock) {
        return new RadiusServer(properties, clients, chain, sink, metrics, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "portico.radius.enabled", matchIfMissing = true)
    StaleSessions staleSessions(AccountingSink sink, Clock clock) {
        return new StaleSessions(sink, clock);
    }

    /** Closes sessions whose NAS stopped reporting (2 × interim + margin without an update). */
    static final class StaleSessions {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaleSessions.class);
        private final AccountingSink sink;
        private final Clock clock;

        StaleSessions(AccountingSink sink, Clock clock) {
            this.sink = sink;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${portico.radius.stale-check-interval:60s}", initialDelayString = "${portico.radius.stale-check-interval:60s}")
        void closeStale() {
            int closed = sink.closeStale(clock.instant());
            if (closed > 0) {
                log.info("Closed {} stale RADIUS accounting sessions", closed);
            }
        }
    }
}
