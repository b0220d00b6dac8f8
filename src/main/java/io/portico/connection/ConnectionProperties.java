package io.portico.connection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection report settings ({@code portico.connection.*}).
 *
 * @param roamingGap accounting sessions of one device at one hotspot that start within this gap
 *                   after the previous one ended are one connection in the report (roaming
 *                   between access points)
 * @param fetchSize  rows the report fetches per round trip while streaming (JDBC cursor)
 * @param postgresCopy on PostgreSQL, read the report with {@code COPY ... TO STDOUT} instead of a
 *                   JDBC cursor (same query and result, streamed by the server without round trips)
 */
@ConfigurationProperties("portico.connection")
public record ConnectionProperties(@DefaultValue("5m") Duration roamingGap, @DefaultValue("1000") int fetchSize,
                                   @DefaultValue("true") boolean postgresCopy) {

    public ConnectionProperties {
        if (roamingGap.isNegative() || roamingGap.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("portico.connection.roaming-gap must be between 0 and 1h");
        }
        if (fetchSize < 10 || fetchSize > 100_000) {
            throw new IllegalArgumentException("portico.connection.fetch-size must be between 10 and 100000");
        }
    }
}
