package io.portico.radius;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * RADIUS settings ({@code portico.radius.*}; e.g. {@code PORTICO_RADIUS_AUTH_PORT}).
 *
 * @param enabled                     start the UDP listeners with the server
 * @param bindAddress                 address the listeners bind to
 * @param authPort                    Access-Request port (0 picks a free one, for tests)
 * @param acctPort                    Accounting-Request port (0 picks a free one)
 * @param requireMessageAuthenticator drop Access-Requests without a valid Message-Authenticator (BlastRADIUS)
 * @param duplicateWindow             how long a reply is kept to answer retransmissions (RFC 5080)
 * @param maxInFlight                 requests processed at once per listener; more are dropped and counted
 * @param authWorkers                 platform threads answering Access-Requests (their look-ups block on the database;
 *                                    more than the connection pool's size only wait for it); 0 starts a virtual thread per request
 * @param accountingBatchSize         most accounting events written in one transaction
 * @param accountingQueueCapacity     accounting events waiting for the writers; more are dropped (the NAS retries)
 * @param accountingWriters           writer threads (and so database connections) storing accounting batches
 * @param defaultInterimInterval      interim interval assumed for stale-session detection when the grant had none
 * @param staleMargin                 added to 2 × interim before an open session counts as stale
 * @param clientRefresh               how often the NAS client cache reloads from the database
 * @param disconnectTimeout           wait for a Disconnect-ACK/NAK before retrying
 * @param disconnectAttempts          Disconnect-Request sends before giving up
 */
@ConfigurationProperties("portico.radius")
public record RadiusProperties(@DefaultValue("true") boolean enabled,
                               @DefaultValue("0.0.0.0") String bindAddress,
                               @DefaultValue("1812") int authPort,
                               @DefaultValue("1813") int acctPort,
                               @DefaultValue("true") boolean requireMessageAuthenticator,
                               @DefaultValue("10s") Duration duplicateWindow,
                               @DefaultValue("4096") int maxInFlight,
                               @DefaultValue("0") int authWorkers,
                               @DefaultValue("500") int accountingBatchSize,
                               @DefaultValue("20000") int accountingQueueCapacity,
                               @DefaultValue("1") int accountingWriters,
                               @DefaultValue("5m") Duration defaultInterimInterval,
                               @DefaultValue("2m") Duration staleMargin,
                               @DefaultValue("30s") Duration clientRefresh,
                               @DefaultValue("2s") Duration disconnectTimeout,
                               @DefaultValue("3") int disconnectAttempts) {

    public RadiusProperties {
        if (authPort < 0 || authPort > 65535 || acctPort < 0 || acctPort > 65535) {
            throw new IllegalArgumentException("portico.radius: ports must be 0..65535");
        }
        if (maxInFlight < 1 || accountingBatchSize < 1 || accountingWriters < 1 || accountingQueueCapacity < accountingBatchSize) {
            throw new IllegalArgumentException("portico.radius: max-in-flight and accounting-batch-size must be positive, "
                    + "accounting-queue-capacity at least the batch size");
        }
        if (authWorkers < 0 || authWorkers > 1024) {
            throw new IllegalArgumentException("portico.radius: auth-workers must be 0 (a virtual thread per request) to 1024");
        }
        if (disconnectAttempts < 1 || duplicateWindow.isNegative() || defaultInterimInterval.isZero()) {
            throw new IllegalArgumentException("portico.radius: disconnect-attempts must be at least 1");
        }
    }
}
